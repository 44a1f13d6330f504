"use client";
import { useRouter } from "next/navigation";

export interface VersionChoiceGroup {
  label: string;
  options: { label: string; href: string }[];
}

/** Switches one side of the comparison in place: every option is the full URL of the resulting view. */
export function VersionSwitch({
  label,
  value,
  groups,
}: {
  label: string;
  value: string;
  groups: VersionChoiceGroup[];
}) {
  const router = useRouter();
  return (
    <select aria-label={label} value={value} onChange={(e) => router.push(e.target.value)}>
      {groups.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.options.map((o) => (
            <option key={o.href} value={o.href}>
              {o.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
