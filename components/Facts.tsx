import type { ReactNode } from "react";

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

/** An outside link, shown in full (long URLs wrap). */
export function SourceLink({ href }: { href: string }) {
  return (
    <a href={href} rel="noopener noreferrer external" className="break-all">
      {href}
    </a>
  );
}
