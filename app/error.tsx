"use client";
/**
 * Shown when a page throws. The response status is 500 (Next sets it for errors thrown while
 * rendering on the server). Client component: it cannot read the language cookie on the server, so
 * it reads it from document.cookie and falls back to Chinese.
 */
import { useEffect, useState } from "react";
import { getMessages, LOCALE_COOKIE, resolveLocale } from "@/lib/i18n";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [locale, setLocale] = useState(resolveLocale(null));
  useEffect(() => {
    const m = new RegExp(`(?:^|; )${LOCALE_COOKIE}=([^;]*)`).exec(document.cookie);
    setLocale(resolveLocale(m?.[1]));
    console.error(error);
  }, [error]);
  const t = getMessages(locale);
  return (
    <div className="space-y-3 py-10">
      <p className="text-sm font-medium text-stone-500">500</p>
      <h1 className="text-2xl font-semibold">{t.errors.errorTitle}</h1>
      <p className="text-stone-600">{t.errors.errorBody}</p>
      {error.digest ? <p className="font-mono text-xs text-stone-400">{error.digest}</p> : null}
      <div className="flex gap-4">
        <button
          type="button"
          onClick={reset}
          className="rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100"
        >
          {t.errors.retry}
        </button>
        <a href="/">{t.errors.backHome}</a>
      </div>
    </div>
  );
}
