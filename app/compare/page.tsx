/**
 * /compare?from={slug}@{key}&to={slug}@{key} (the "compare with another version" form,
 * components/CompareWithOther.tsx) -> the compare view's canonical path (ADR 0007): the short form
 * when both belong to one policy, /compare/{a}...{b} otherwise. Malformed input goes home.
 */
import { redirect } from "next/navigation";
import { comparePath, parseAddress } from "@/lib/view/url";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CompareAny({ searchParams }: Props) {
  const q = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const from = parseAddress(one(q.from));
  const to = parseAddress(one(q.to));
  if (!from || !to) redirect("/");
  redirect(comparePath(from, to));
}
