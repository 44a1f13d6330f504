/** Two versions of one policy: /p/{slug}/compare/{fromKey}...{toKey} (docs/decisions/0007-compare-urls.md). */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { compareMetadata, ComparePage, type SearchParams } from "@/app/compare/view";
import { parseKeyRange, parseSlug, type VersionAddress } from "@/lib/view/url";

type Props = { params: Promise<{ slug: string; range: string }>; searchParams: SearchParams };

async function addresses(params: Props["params"]): Promise<[VersionAddress, VersionAddress]> {
  const { slug, range } = await params;
  const keys = parseKeyRange(range);
  const s = parseSlug(slug);
  if (!keys || !s) notFound();
  return [
    { slug: s, key: keys[0] },
    { slug: s, key: keys[1] },
  ];
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [from, to] = await addresses(params);
  return compareMetadata(from, to, searchParams);
}

export default async function PolicyComparePage({ params, searchParams }: Props) {
  const [from, to] = await addresses(params);
  return <ComparePage from={from} to={to} search={searchParams} />;
}
