"use client";
/**
 * Shown when the root layout itself fails (app/error.tsx covers the pages inside it). It replaces the
 * layout, so it brings its own <html> and <body>, no stylesheet and no language cookie: it says the
 * same thing in both UI languages, from the message catalogues.
 */
import { useEffect } from "react";
import { getMessages, LOCALES } from "@/lib/i18n";

const both = LOCALES.map((locale) => getMessages(locale).errors);
const join = (pick: (m: (typeof both)[number]) => string) => both.map(pick).join(" · ");

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <html lang="zh-CN">
      <body style={{ margin: "4rem auto", maxWidth: "40rem", padding: "0 1rem", fontFamily: "system-ui, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif", color: "#1c1917" }}>
        <p style={{ color: "#78716c" }}>500</p>
        <h1>{join((m) => m.errorTitle)}</h1>
        {both.map((m) => (
          <p key={m.errorBody}>{m.errorBody}</p>
        ))}
        {error.digest ? <p style={{ fontFamily: "monospace", fontSize: "0.75rem", color: "#a8a29e" }}>{error.digest}</p> : null}
        <p style={{ display: "flex", gap: "1rem" }}>
          <button type="button" onClick={reset}>
            {join((m) => m.retry)}
          </button>
          {/* A full page load: the layout failed, so client navigation has nothing to stand on. */}
          <a href="/">{join((m) => m.backHome)}</a>
        </p>
      </body>
    </html>
  );
}
