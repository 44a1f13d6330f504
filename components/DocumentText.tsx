/**
 * A document's text, readable: split into paragraphs at blank lines, line breaks inside a paragraph
 * kept, long lines wrapped. Rendered as React text (never as HTML).
 */
export function DocumentText({ text, lang }: { text: string; lang?: string }) {
  const paragraphs = text
    .split(/\n[ \t\u3000\u00a0]*\n/)
    .map((p) => p.replace(/^\n+|\s+$/g, ""))
    .filter((p) => p.trim() !== "");
  return (
    <div className="doc-text max-w-[46rem] text-[15px] sm:text-base" lang={lang}>
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}
