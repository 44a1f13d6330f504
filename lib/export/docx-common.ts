/**
 * What both Word exports share: fonts, styles, the title block, runs for marked text and packing.
 *
 * Fonts: every run names a Latin font (ascii/hAnsi) and an East Asian one (eastAsia), which is how Word
 * and WPS pick a font per character; `hint: eastAsia` makes the ambiguous characters (“ ” ‘ ’ — …) use
 * the Chinese font, as Chinese text wants. SimSun (宋体) for text and SimHei (黑体) for headings ship
 * with every Chinese Windows and WPS; elsewhere Word and LibreOffice substitute a CJK serif/sans.
 *
 * Document text is data: the docx library XML-escapes every text it writes; characters XML 1.0 cannot
 * hold at all (control characters, lone surrogates) are dropped here first, since Word refuses to open
 * a file containing them.
 */
import {
  AlignmentType,
  ExternalHyperlink,
  Packer,
  Paragraph,
  TextRun,
  type Document,
  type IStylesOptions,
  type ParagraphChild,
} from "docx";
import type { TextRun as MarkedRun } from "../view/types.ts";
import type { ExportInput } from "./types.ts";

export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export const FONTS = {
  body: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "SimSun", cs: "Times New Roman" },
  heading: { ascii: "Arial", hAnsi: "Arial", eastAsia: "SimHei", cs: "Arial" },
} as const;

/** Colours of marked text (they print as grey; strike and underline carry the meaning in black and white). */
export const COLORS = { del: "C00000", ins: "1F4E9F", note: "595959", link: "1F4E9F", headerFill: "E7E6E6" } as const;

/** Half-points. */
export const SIZES = { body: 21, small: 18, title: 32, heading: 24 } as const;

/** Characters XML 1.0 cannot contain (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe for a Word document (the library escapes & < > "; this drops what XML cannot hold). */
export function xmlText(s: string): string {
  return s.replace(XML_INVALID, "");
}

const HAN = /\p{Script=Han}/u;

/** Styles: body and heading fonts, Chinese as the East Asian language when the texts are Chinese. */
export function documentStyles(input: Pick<ExportInput, "locale" | "view">): IStylesOptions {
  const sample = input.view.rows
    .slice(0, 20)
    .map((r) => r.newLabel ?? r.oldLabel ?? "")
    .join("");
  const chinese = input.locale === "zh" || HAN.test(sample);
  const font = { ...FONTS.body, ...(chinese ? { hint: "eastAsia" } : {}) };
  const headingRun = {
    font: { ...FONTS.heading, ...(chinese ? { hint: "eastAsia" } : {}) },
    bold: true,
    color: "000000",
  };
  return {
    default: {
      document: {
        run: { font, size: SIZES.body, language: { value: "en-US", eastAsia: "zh-CN" } },
        paragraph: { spacing: { after: 60, line: 300 } },
      },
      title: { run: { ...headingRun, size: SIZES.title }, paragraph: { spacing: { after: 160 } } },
      heading1: { run: { ...headingRun, size: 30 }, paragraph: { spacing: { before: 240, after: 120 } } },
      heading2: { run: { ...headingRun, size: 28 }, paragraph: { spacing: { before: 200, after: 100 } } },
      heading3: { run: { ...headingRun, size: 26 }, paragraph: { spacing: { before: 160, after: 80 } } },
      heading4: { run: { ...headingRun, size: SIZES.heading }, paragraph: { spacing: { before: 120, after: 60 } } },
      heading5: { run: { ...headingRun, size: 22 }, paragraph: { spacing: { before: 120, after: 60 } } },
      heading6: { run: { ...headingRun, size: SIZES.body }, paragraph: { spacing: { before: 120, after: 60 } } },
      hyperlink: { run: { color: COLORS.link, underline: {} } },
    },
  };
}

/** Marked runs as Word runs: deletions struck through, insertions underlined (not tracked changes). */
export function markedRuns(runs: readonly MarkedRun[], extra: { bold?: boolean; size?: number } = {}): TextRun[] {
  return runs.map(
    (r) =>
      new TextRun({
        text: xmlText(r.t),
        ...extra,
        ...(r.m === "del"
          ? { strike: true, color: COLORS.del }
          : r.m === "ins"
            ? { underline: {}, color: COLORS.ins }
            : {}),
      }),
  );
}

/** A grey note run. */
export function noteRun(text: string, extra: { italics?: boolean; size?: number } = {}): TextRun {
  return new TextRun({
    text: xmlText(text),
    color: COLORS.note,
    size: extra.size ?? SIZES.small,
    italics: extra.italics,
  });
}

export function hyperlink(text: string, url: string): ExternalHyperlink {
  return new ExternalHyperlink({ link: url, children: [new TextRun({ text: xmlText(text), style: "Hyperlink" })] });
}

/** A paragraph of plain text and links. */
export function line(children: ParagraphChild[], options: { spacingAfter?: number } = {}): Paragraph {
  return new Paragraph({ children, spacing: { after: options.spacingAfter ?? 40 } });
}

export function title(text: string): Paragraph {
  return new Paragraph({ style: "Title", alignment: AlignmentType.CENTER, children: [new TextRun(xmlText(text))] });
}

/** The document as bytes. (The docx library builds the whole zip in memory; see ADR 0015.) */
export async function packDocx(doc: Document): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(doc);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
