/**
 * A document's text, readable: the parser's blocks (lib/parse) rendered as headings, paragraphs
 * (line breaks kept, long lines wrapped) and table-of-contents lines; front matter and archive metadata
 * folded away under one <details>; inline `**bold**` and `[links](https://…)` shown as such. Everything
 * is React text (never HTML). Each section heading carries its section key as its id
 * (lib/compare/keys.ts), so /p/{slug}/v/{key}#s-… opens the version at that section, with the same
 * anchors as the compare view and search hits. The page parses; this component only renders.
 */
import { documentSectionKeys } from "@/lib/compare/keys";
import type { Block, DocumentTree, SectionNode } from "@/lib/parse/types";
import { inlineRuns } from "@/lib/view/inline";

type Group = { kind: "meta"; blocks: Block[] } | { kind: "block"; block: Block; index: number };

function headingsByBlock(sections: SectionNode[], into = new Map<number, SectionNode>()): Map<number, SectionNode> {
  for (const s of sections) {
    into.set(s.headingBlock, s);
    headingsByBlock(s.children, into);
  }
  return into;
}

function groups(blocks: Block[]): Group[] {
  const out: Group[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === "blank" || block.text.trim() === "") return;
    const last = out.at(-1);
    if (block.kind === "meta" && last?.kind === "meta") last.blocks.push(block);
    else if (block.kind === "meta") out.push({ kind: "meta", blocks: [block] });
    else out.push({ kind: "block", block, index });
  });
  return out;
}

const trimBlock = (s: string) => s.replace(/^\n+|\s+$/g, "");

/** A paragraph's text with its inline markdown shown as bold text and http(s) links (lib/view/inline). */
function Inline({ text }: { text: string }) {
  return inlineRuns(text).map((run, i) =>
    run.href ? (
      <a key={i} href={run.href} rel="nofollow noopener noreferrer" className="text-teal-800 underline">
        {run.text}
      </a>
    ) : run.strong ? (
      <strong key={i}>{run.text}</strong>
    ) : (
      run.text
    ),
  );
}

export function DocumentText({
  tree,
  lang,
  metadataLabel,
  history,
}: {
  tree: DocumentTree;
  lang?: string;
  metadataLabel: string;
  /** A "history" link after each section heading (docs/decisions/0019-history.md): hrefs by section id. */
  history?: { hrefs: Map<string, string>; label: string; title: string };
}) {
  const headings = headingsByBlock(tree.sections);
  const anchors = documentSectionKeys(tree.sections);
  return (
    <div className="doc-text max-w-[46rem] text-[15px] sm:text-base" lang={lang}>
      {groups(tree.blocks).map((g, i) => {
        if (g.kind === "meta") {
          return (
            <details key={`m${i}`} className="mb-4 text-sm text-stone-500">
              <summary className="cursor-pointer select-none">{metadataLabel}</summary>
              {g.blocks.map((b, j) => (
                <p key={j} className="font-mono text-xs">
                  {trimBlock(b.text)}
                </p>
              ))}
            </details>
          );
        }
        const { block, index } = g;
        if (block.kind === "heading") {
          const node = headings.get(index);
          const text = node ? [node.number, node.title].filter(Boolean).join(" ") : trimBlock(block.text);
          const Tag = node && node.level <= 1 ? "h2" : "h3";
          return (
            <Tag
              key={index}
              id={node ? anchors.get(node.id) : undefined}
              className={`scroll-mt-4 target:bg-amber-100 ${Tag === "h2" ? "mt-8 mb-3 text-lg font-semibold" : "mt-6 mb-2 font-semibold"}`}
            >
              {text || trimBlock(block.text)}
              {node && history?.hrefs.get(node.id) ? (
                <a
                  href={history.hrefs.get(node.id)}
                  className="ml-2 text-xs font-normal text-teal-800"
                  aria-label={`${history.title}: ${text}`}
                  data-testid="section-history"
                >
                  {history.label}
                </a>
              ) : null}
            </Tag>
          );
        }
        if (block.kind === "toc") {
          return (
            <p key={index} className="text-sm text-stone-500">
              <Inline text={trimBlock(block.text)} />
            </p>
          );
        }
        return (
          <p key={index}>
            <Inline text={trimBlock(block.text)} />
          </p>
        );
      })}
    </div>
  );
}
