"use client";
/**
 * The body of the compare routes' not-found page. Not-found pages get no params, so this reads the
 * path itself (usePathname, also during server rendering) and says which policy or version is
 * missing, with links to the versions that remain. The data comes in as props: it fetches nothing.
 */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { format } from "@/lib/i18n/format";
import {
  comparePath,
  decodeSafely,
  parseAddressRange,
  parseKeyRange,
  policyPath,
  versionPath,
  type VersionAddress,
} from "@/lib/view/url";
import type { CompareMessages } from "./messages";

/** A policy and its versions (newest first): what remains, on the not-found page. */
export interface ChoicePolicy {
  slug: string;
  name: string;
  versions: { key: string; publishedAt: string | null; label: string | null }[];
}

function addressesIn(pathname: string): VersionAddress[] | null {
  const single = /^\/p\/([^/]+)\/compare\/([^/]+)\/?$/.exec(pathname);
  if (single) {
    const keys = parseKeyRange(single[2]!);
    const slug = decodeSafely(single[1]!);
    return keys ? keys.map((key) => ({ slug, key })) : null;
  }
  const cross = /^\/compare\/([^/]+)\/?$/.exec(pathname);
  return cross ? parseAddressRange(cross[1]!) : null;
}

export function MissingVersion({ choices, m, title }: { choices: ChoicePolicy[]; m: CompareMessages; title: string }) {
  const pathname = usePathname();
  const wanted = addressesIn(pathname) ?? [];
  const problems: string[] = [];
  const policies: ChoicePolicy[] = [];
  for (const a of wanted) {
    const p = choices.find((c) => c.slug === a.slug);
    if (!p) problems.push(format(m.notFoundPolicy, { slug: a.slug }));
    else {
      if (!p.versions.some((v) => v.key === a.key))
        problems.push(format(m.notFoundVersion, { policy: p.name, key: a.key }));
      if (!policies.includes(p)) policies.push(p);
    }
  }
  if (!wanted.length) problems.push(m.notFoundBad);
  return (
    <div className="space-y-6" data-testid="compare-not-found">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <ul className="list-disc space-y-1 pl-5">
        {[...new Set(problems)].map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      {policies.map((p) => (
        <section key={p.slug}>
          <h2 className="mb-2 font-semibold">
            {m.remaining}: <Link href={policyPath(p.slug)}>{p.name}</Link>
          </h2>
          <ul className="space-y-1">
            {p.versions.map((v, i) => {
              const older = p.versions[i + 1];
              return (
                <li key={v.key}>
                  <Link href={versionPath(p.slug, v.key)}>{v.publishedAt ?? v.key}</Link>
                  {older && (
                    <>
                      {" · "}
                      <Link href={comparePath({ slug: p.slug, key: older.key }, { slug: p.slug, key: v.key })}>
                        {m.compareWithPrevious}
                      </Link>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {policies.length === 0 && (
        <p>
          <Link href="/">{m.allPolicies}</Link>
        </p>
      )}
    </div>
  );
}
