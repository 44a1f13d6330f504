/**
 * Test helpers for exports: an ExportInput from two texts, a .docx opened and read back (JSZip +
 * htmlparser2 in XML mode), the table's rows with their struck and underlined runs, the redline's
 * text with all changes accepted or rejected, and a small RFC 4180 CSV parser.
 */
import { DomUtils, parseDocument } from "htmlparser2";
import JSZip from "jszip";
import type { IgnoreOption } from "../compare/types.ts";
import { compareTexts } from "../compare/index.ts";
import type { Locale } from "../i18n/index.ts";
import { buildCompareView } from "../view/build.ts";
import type { ExportInput, ExportScope } from "./types.ts";

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

export function inputFor(
  oldText: string,
  newText: string,
  o: { ignore?: IgnoreOption[]; scope?: ExportScope; locale?: Locale } = {},
): ExportInput {
  const ignore = o.ignore ?? ["whitespace", "width"];
  const model = compareTexts(oldText, newText, { ignore });
  const base = "https://policy.example";
  return {
    model,
    view: buildCompareView({ model }),
    from: {
      slug: "acme-privacy",
      key: "2021-01-01",
      policyName: "Acme 隐私政策",
      publishedAt: "2021-01-01",
      label: null,
      url: `${base}/p/acme-privacy/v/2021-01-01`,
    },
    to: {
      slug: "acme-privacy",
      key: "2022-01-01",
      policyName: "Acme 隐私政策",
      publishedAt: "2022-01-01",
      label: null,
      url: `${base}/p/acme-privacy/v/2022-01-01`,
    },
    ignore,
    scope: o.scope ?? "changes",
    locale: o.locale ?? "zh",
    compareUrl: `${base}/p/acme-privacy/compare/2021-01-01...2022-01-01`,
    createdAt: "2026-12-03T00:00:00Z",
  };
}

/** The parts of a .docx a test reads: word/document.xml as text and as a DOM, and the other part names. */
export async function readDocx(bytes: Uint8Array): Promise<{
  xml: string;
  doc: ReturnType<typeof parseDocument>;
  files: string[];
  part: (name: string) => Promise<string>;
}> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`no ${name} in the document`);
    return f.async("string");
  };
  const xml = await part("word/document.xml");
  return { xml, doc: parseDocument(xml, { xmlMode: true }), files: Object.keys(zip.files), part };
}

/** Descendants named `tag`, or with `recurse` false only the node's children named so. */
const byTag = (tag: string, node: Element | ReturnType<typeof parseDocument>, recurse = true): Element[] =>
  DomUtils.getElementsByTagName(tag, recurse ? node : node.children, recurse);

/** A run as read back: its text (w:t or w:delText), struck, underlined, and inside w:ins / w:del. */
export interface ReadRun {
  text: string;
  strike: boolean;
  underline: boolean;
  ins: boolean;
  del: boolean;
}

function runInfo(r: Element): ReadRun {
  const text = [...byTag("w:t", r), ...byTag("w:delText", r)].map((t) => DomUtils.textContent(t)).join("");
  const rPr = byTag("w:rPr", r, false)[0];
  const parent = (tag: string) => {
    for (let p = r.parent; p; p = p.parent) if ((p as Element).name === tag) return true;
    return false;
  };
  return {
    text,
    strike: !!rPr && byTag("w:strike", rPr).length > 0,
    underline: !!rPr && byTag("w:u", rPr).length > 0,
    ins: parent("w:ins"),
    del: parent("w:del"),
  };
}

/** A paragraph as read back: its runs, and whether its mark is a tracked insertion or deletion. */
export interface ReadParagraph {
  runs: ReadRun[];
  text: string;
  markIns: boolean;
  markDel: boolean;
  style: string | null;
}

export function paragraphsOf(node: Element | ReturnType<typeof parseDocument>): ReadParagraph[] {
  return byTag("w:p", node).map((p) => {
    const runs = byTag("w:r", p).map(runInfo);
    const pPr = byTag("w:pPr", p, false)[0];
    const markRpr = pPr ? byTag("w:rPr", pPr, false)[0] : undefined;
    const style = pPr ? byTag("w:pStyle", pPr, false)[0] : undefined;
    return {
      runs,
      text: runs.map((r) => r.text).join(""),
      markIns: !!markRpr && byTag("w:ins", markRpr).length > 0,
      markDel: !!markRpr && byTag("w:del", markRpr).length > 0,
      style: style ? (style.attribs["w:val"] ?? null) : null,
    };
  });
}

/** The table's rows (w:tr), each as its cells' paragraphs. */
export function tableRows(doc: ReturnType<typeof parseDocument>): ReadParagraph[][][] {
  return byTag("w:tr", doc).map((tr) => byTag("w:tc", tr).map((tc) => paragraphsOf(tc)));
}

/**
 * The body's text with every tracked change accepted (insertions kept, deletions dropped) or rejected
 * (the reverse), one string per resulting paragraph: a paragraph whose mark goes away runs on into
 * the next one, as in Word.
 */
export function resolvedParagraphs(doc: ReturnType<typeof parseDocument>, how: "accept" | "reject"): string[] {
  const body = byTag("w:body", doc)[0];
  if (!body) return [];
  const out: string[] = [];
  let carry = "";
  for (const p of paragraphsOf(body)) {
    const text = p.runs
      .filter((r) => (how === "accept" ? !r.del : !r.ins))
      .map((r) => r.text)
      .join("");
    const markGone = how === "accept" ? p.markDel : p.markIns;
    carry += text;
    if (markGone) continue;
    out.push(carry);
    carry = "";
  }
  if (carry) out.push(carry);
  return out.filter((t) => t.trim());
}

/** RFC 4180: fields split at commas, records at CRLF (or LF), quoted fields with doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field) throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else if (c === "\n") {
      throw new Error(`bare LF at ${i} (records end with CRLF)`);
    } else field += c;
    i++;
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A byte stream or bytes, read whole. */
export async function bytesOf(body: Uint8Array | ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return body instanceof Uint8Array ? body : new Uint8Array(await new Response(body).arrayBuffer());
}
