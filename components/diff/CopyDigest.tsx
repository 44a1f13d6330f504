"use client";
import { useState } from "react";

/** Two buttons copying the change digest as Markdown or as plain text (no inline styles: the CSP). */
export function CopyDigest({
  markdown,
  text,
  labels,
}: {
  markdown: string;
  text: string;
  labels: { markdown: string; text: string; copied: string };
}) {
  const [done, setDone] = useState<"markdown" | "text" | null>(null);
  const copy = async (which: "markdown" | "text") => {
    const value = which === "markdown" ? markdown : text;
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      const ta = document.createElement("textarea");
      ta.value = value;
      document.body.appendChild(ta);
      ta.select();
      document.execCommand("copy");
      ta.remove();
    }
    setDone(which);
    window.setTimeout(() => setDone(null), 1500);
  };
  return (
    <div className="cmp-digest-copy">
      <button type="button" className="cmp-chip" data-copy-digest="markdown" onClick={() => void copy("markdown")}>
        {done === "markdown" ? labels.copied : labels.markdown}
      </button>
      <button type="button" className="cmp-chip" data-copy-digest="text" onClick={() => void copy("text")}>
        {done === "text" ? labels.copied : labels.text}
      </button>
    </div>
  );
}
