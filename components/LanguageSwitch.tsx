"use client";
/**
 * The language switch: a plain form POST to /api/locale, which sets the `lang` cookie and sends the
 * browser back to this page. Works without JavaScript; the choice survives reloads.
 */
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";

function SwitchForm({ label, title, target }: { label: string; title: string; target: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return (
    <form method="post" action="/api/locale">
      <input type="hidden" name="locale" value={target} />
      <input type="hidden" name="next" value={search ? `${pathname}?${search}` : pathname} />
      <button
        type="submit"
        title={title}
        lang={target === "en" ? "en" : "zh-CN"}
        className="rounded-md border border-stone-300 px-2.5 py-1 text-sm text-stone-700 hover:bg-stone-100"
      >
        {label}
      </button>
    </form>
  );
}

export function LanguageSwitch(props: { label: string; title: string; target: string }) {
  return (
    <Suspense>
      <SwitchForm {...props} />
    </Suspense>
  );
}
