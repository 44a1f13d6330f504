import type { ReactNode } from "react";
import { isHttpUrl } from "@/lib/validations/common";

/** A small label/value list (dates, source, publisher). Rows with an empty value are left out. */
export function Facts({ rows }: { rows: [label: string, value: ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm text-stone-600">
      {rows
        .filter(([, value]) => value !== null && value !== undefined && value !== "")
        .map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-stone-500">{label}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/**
 * An outside link, shown in full (long URLs wrap). Only http(s) URLs become links: anything else a
 * row may hold (javascript:, data:, a typo) is shown as plain text, never as an href.
 */
export function SourceLink({ href }: { href: string }) {
  if (!isHttpUrl(href)) return <span className="break-all">{href}</span>;
  return (
    <a href={href} rel="noopener noreferrer external" className="break-all">
      {href}
    </a>
  );
}
