/** Versions of two policies: /compare/{slugA}@{keyA}...{slugB}@{keyB} (docs/decisions/0007-compare-urls.md). */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parseAddressRange } from "@/lib/view/url";
import { compareMetadata, ComparePage, type SearchParams } from "../view";

type Props = { params: Promise<{ range: string }>; searchParams: SearchParams };

async function addresses(params: Props["params"]) {
  const range = parseAddressRange((await params).range);
  if (!range) notFound();
  return range;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [from, to] = await addresses(params);
  return compareMetadata(from, to, searchParams);
}

export default async function CrossPolicyComparePage({ params, searchParams }: Props) {
  const [from, to] = await addresses(params);
  return <ComparePage from={from} to={to} search={searchParams} />;
}
