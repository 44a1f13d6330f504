/**
 * /p/{slug}/compare?from=KEY&to=KEY (the policy page's picker, a plain GET form) ->
 * /p/{slug}/compare/{older}...{newer}. The two are put in date order, so the URL is canonical.
 */
import { notFound, redirect } from "next/navigation";
import { getPolicy, parseParams, policyParamsSchema, versionKeySchema } from "@/lib/data";
import { comparePath, policyPath } from "@/lib/view/url";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ComparePick({ params, searchParams }: Props) {
  const p = parseParams(policyParamsSchema, await params);
  if (!p.ok) notFound();
  const policy = await getPolicy(p.data.slug);
  if (!policy) notFound();
  const q = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const from = versionKeySchema.safeParse(one(q.from));
  const to = versionKeySchema.safeParse(one(q.to));
  // versions are newest first: a larger index is older.
  const at = (key: string) => policy.versions.findIndex((v) => v.key === key);
  if (!from.success || !to.success || at(from.data) < 0 || at(to.data) < 0) redirect(policyPath(policy.slug));
  const [older, newer] = at(from.data) >= at(to.data) ? [from.data, to.data] : [to.data, from.data];
  redirect(comparePath({ slug: policy.slug, key: older }, { slug: policy.slug, key: newer }));
}
