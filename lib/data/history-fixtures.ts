/**
 * For tests and the history bench: a synthetic series made from a real text (学习强国, 2021-12-30) by
 * edits of the kinds a history must follow. Each function takes the lines of a text and returns new ones.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export const XUEXI_LATEST = path.resolve("data/samples/zh-xuexiqiangguo-privacy/2021-12-30_index-latest.txt");

export function realLines(): string[] {
  return readFileSync(XUEXI_LATEST, "utf8").split("\n");
}

const at = (lines: string[], heading: RegExp, from = 100): number => {
  const i = lines.findIndex((l, n) => n >= from && heading.test(l));
  if (i < 0) throw new Error(`no line ${heading}`);
  return i;
};

/** Moves section 六 (对第三方的责任声明) after section 八; the three are numbered in their new order. */
export function moveSix(lines: string[]): string[] {
  const start = at(lines, /^\*\*六、/);
  const end = at(lines, /^\*\*七、/);
  const block = lines.slice(start, end);
  const rest = [...lines.slice(0, start), ...lines.slice(end)];
  const nine = at(rest, /^\*\*九、/);
  const renumber = (l: string) => l.replace(/^\*\*七、/, "**六、").replace(/^\*\*八、/, "**七、");
  return [...rest.slice(0, nine).map((l, i) => (i >= start ? renumber(l) : l)), block[0]!.replace("六、", "八、"), ...block.slice(1), ...rest.slice(nine)];
}

/** Splits section 九 (本隐私权政策如何更新) in two: its second half becomes a new section 十, 十 becomes 十一. */
export function splitNine(lines: string[]): string[] {
  const start = at(lines, /^\*\*九、/);
  const end = at(lines, /^\*\*十、/);
  const body = lines.slice(start + 1, end);
  const half = Math.floor(body.length / 2);
  return [
    ...lines.slice(0, start + 1),
    ...body.slice(0, half),
    "**十、本隐私权政策的重大变更**",
    "",
    ...body.slice(half),
    lines[end]!.replace("十、", "十一、"),
    ...lines.slice(end + 1),
  ];
}

/** A small real-looking edit in paragraph n after the table of contents: a sentence appended. */
export function editParagraph(lines: string[], n: number): string[] {
  const candidates = lines.map((l, i) => [l, i] as const).filter(([l, i]) => i > 100 && l.length > 40 && !l.startsWith("**"));
  const [line, i] = candidates[n % candidates.length]!;
  const copy = [...lines];
  copy[i] = `${line}我们将在第${n + 1}次修订中持续改进本条款的表述，以便您更清晰地理解。`;
  return copy;
}
