"use client";
/**
 * Shown when the root layout itself fails (app/error.tsx covers the pages inside it). It replaces the
 * layout, so it brings its own <html> and <body>, no stylesheet and no language cookie: it says the
 * same thing in both UI languages, from the message catalogues.
 *
 * This component's chunk is loaded on every page, so the catalogues are imported only when it
 * renders (a separate chunk): importing them statically added ~7 KB gzipped to every route's JS.
 * Until they arrive the page shows the status and the two actions as symbols.
 */
import { useEffect, useState } from "react";

interface Texts {
  title: string;
  bodies: string[];
  retry: string;
  backHome: string;
}

async function loadTexts(): Promise<Texts> {
  const { getMessages, LOCALES } = await import("@/lib/i18n");
  const both = LOCALES.map((locale) => getMessages(locale).errors);
  const join = (pick: (m: (typeof both)[number]) => string) => both.map(pick).join(" · ");
  return {
    title: join((m) => m.errorTitle),
    bodies: both.map((m) => m.errorBody),
    retry: join((m) => m.retry),
    backHome: join((m) => m.backHome),
  };
}

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [texts, setTexts] = useState<Texts | null>(null);
  useEffect(() => {
    console.error(error);
  }, [error]);
  useEffect(() => {
    loadTexts().then(setTexts, () => setTexts(null));
  }, []);
  return (
    <html lang="zh-CN">
      <body
        style={{
          margin: "4rem auto",
          maxWidth: "40rem",
          padding: "0 1rem",
          fontFamily: "system-ui, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif",
          color: "#1c1917",
        }}
      >
        <p style={{ color: "#78716c" }}>500</p>
        {texts ? <h1>{texts.title}</h1> : null}
        {texts?.bodies.map((body) => (
          <p key={body}>{body}</p>
        ))}
        {error.digest ? (
          <p style={{ fontFamily: "monospace", fontSize: "0.75rem", color: "#a8a29e" }}>{error.digest}</p>
        ) : null}
        <p style={{ display: "flex", gap: "1rem" }}>
          <button type="button" onClick={reset}>
            {texts?.retry ?? "↻"}
          </button>
          {/* A full page load: the layout failed, so client navigation has nothing to stand on. */}
          <a href="/">{texts?.backHome ?? "⌂"}</a>
        </p>
      </body>
    </html>
  );
}
