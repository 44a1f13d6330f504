"use client";
/**
 * Shown when a page throws. The response status is 500 (Next sets it for errors thrown while
 * rendering on the server). Client component: it cannot read the language cookie on the server, so
 * it reads it from document.cookie and falls back to Chinese.
 *
 * This component's chunk is loaded on every page, so the catalogues are imported only when it renders
 * (a separate chunk, as in global-error.tsx): importing them statically put both languages' messages,
 * ~5 KB gzipped, into every page's JS. Until they arrive the page shows the status and the two actions.
 */
import { useEffect, useState } from "react";
import type { Messages } from "@/lib/i18n";

type ErrorTexts = Messages["errors"];

async function loadTexts(): Promise<ErrorTexts> {
  const { getMessages, LOCALE_COOKIE, resolveLocale } = await import("@/lib/i18n");
  const m = new RegExp(`(?:^|; )${LOCALE_COOKIE}=([^;]*)`).exec(document.cookie);
  return getMessages(resolveLocale(m?.[1])).errors;
}

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [t, setTexts] = useState<ErrorTexts | null>(null);
  useEffect(() => {
    console.error(error);
  }, [error]);
  useEffect(() => {
    loadTexts().then(setTexts, () => setTexts(null));
  }, []);
  return (
    <div className="space-y-3 py-10">
      <p className="text-sm font-medium text-stone-500">500</p>
      <h1 className="text-2xl font-semibold">{t?.errorTitle ?? "…"}</h1>
      {t ? <p className="text-stone-600">{t.errorBody}</p> : null}
      {error.digest ? <p className="font-mono text-xs text-stone-600">{error.digest}</p> : null}
      <div className="flex gap-4">
        <button
          type="button"
          onClick={reset}
          className="rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100"
        >
          {t?.retry ?? "↻"}
        </button>
        <a href="/">{t?.backHome ?? "⌂"}</a>
      </div>
    </div>
  );
}
