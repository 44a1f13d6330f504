/**
 * Test helpers for alignment:
 *  - `miniParse`, a tiny stand-in parser for small synthetic documents, so alignment can be tested
 *    independently of lib/parse. Headings are lines starting with "#" marks ("## 1.2 标题" = level 2,
 *    number "1.2"); every other non-blank line is a paragraph; blank lines are blank blocks;
 *  - `renderAlignment`, an alignment of two strings' characters as a readable string.
 */
import type { Block, DocumentTree, SectionNode } from "../parse/types.ts";
import { renderSteps, type Step } from "../sequence/testing.ts";
import type { AlignEntry } from "./sequence.ts";

/**
 * Alignment entries over the characters of `a` and `b`, in their display order: a pair as the kept
 * character (<eq old="x">y</eq> when the two differ), a move as <mov>…</mov> at its new place, a
 * removed item as <del>…</del>, an added one as <ins>…</ins> (lib/sequence/testing.ts).
 *   a = "abc", b = "axc", b and x paired in place  ->  "a<eq old="b">x</eq>c"
 */
export function renderAlignment(entries: readonly AlignEntry[], a: string, b: string): string {
  const steps = entries.map((e): Step => {
    if (e.o !== null && e.n !== null) return { op: e.moved ? "move" : "equal", old: a[e.o]!, new: b[e.n]! };
    if (e.o !== null) return { op: "delete", old: a[e.o]! };
    return { op: "insert", new: b[e.n!]! };
  });
  return renderSteps(steps);
}

const NUMBER =
  /^((?:第[一二三四五六七八九十]+[部分章条]+)|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+(?:\.\d+)*\.?)\s*/;
const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export function miniParse(text: string): DocumentTree {
  const blocks: Block[] = [];
  const re = /[^\n]*\n|[^\n]+$/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m[0].length) {
    const line = m[0];
    const kind = /^#+ /.test(line) ? "heading" : line.trim() === "" ? "blank" : "paragraph";
    blocks.push({ kind, text: line, span: { start: m.index, end: m.index + line.length } });
  }
  const sections: SectionNode[] = [];
  const stack: SectionNode[] = [];
  const preambleBlocks: number[] = [];
  blocks.forEach((b, i) => {
    if (b.kind !== "heading") {
      const cur = stack[stack.length - 1];
      (cur ? cur.bodyBlocks : preambleBlocks).push(i);
      if (cur) for (const s of stack) s.span.end = b.span.end;
      return;
    }
    const level = /^#+/.exec(b.text)![0].length;
    const rest = b.text.slice(level + 1).trim();
    const num = NUMBER.exec(rest);
    const number = num ? num[1]!.replace(/\.$/, "") : null;
    const path = number
      ? number
          .split(/[.、（）第部分章条]/)
          .filter(Boolean)
          .map((x) => CN[x] ?? Number(x))
      : [];
    while (stack.length >= level) stack.pop();
    const parent = stack[stack.length - 1];
    const siblings = parent ? parent.children : sections;
    const node: SectionNode = {
      id: parent ? `${parent.id}.${siblings.length}` : String(siblings.length),
      kind: "section",
      number,
      scheme: number ? "decimal" : "markdown",
      numberPath: path,
      title: num ? rest.slice(num[0].length) : rest,
      level,
      headingBlock: i,
      bodyBlocks: [],
      children: [],
      span: { start: b.span.start, end: b.span.end },
    };
    siblings.push(node);
    stack.push(node);
    for (const s of stack) s.span.end = b.span.end;
  });
  return {
    text,
    blocks,
    metadata: { title: null, publishedAt: null, effectiveAt: null, listedVersionDates: [], fields: {} },
    preambleBlocks,
    sections,
  };
}
