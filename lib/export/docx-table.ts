/**
 * The 修订对照表 (comparison table) as a Word document: the form in which Chinese legal and compliance
 * teams pass a revision on. A title block (both versions with their permanent links, the options in
 * force, which sections are listed, the summary, a legend), then a three-column table with one row per
 * listed section pair:
 *
 *   条款 (number and title; its status: 新增 / 删除 / 重新编号 / 重命名 / 移动 ...; notes)
 *   修订前 (old text, deletions struck through)   修订后 (new text, insertions underlined)
 *
 * A4 landscape, the header row repeated on every page. Marks are formatting here, not tracked changes
 * (that is the redline, docx-redline.ts): the table is read, not accepted or rejected.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { format } from "../i18n/index.ts";
import { formatShare, summaryLine } from "../view/summary-text.ts";
import type { SectionRow } from "../view/types.ts";
import {
  COLORS,
  documentStyles,
  FONTS,
  hyperlink,
  line,
  markedRuns,
  noteRun,
  packDocx,
  SIZES,
  title,
  xmlText,
} from "./docx-common.ts";
import {
  ancestorLabels,
  exportRows,
  messagesFor,
  optionsLine,
  pairTitle,
  rowChangedRatio,
  rowLabel,
  scopeLine,
  siteName,
  sideBlocks,
  statusLabel,
  statusNotes,
  versionLine,
  type CompareMessages,
} from "./rows.ts";
import type { ExportInput } from "./types.ts";

/** A4 landscape in twips, margins 1.8 cm; the three columns share the width 18 : 41 : 41. */
const PAGE = { width: 16838, height: 11906, margin: 1020 } as const;
const TABLE_WIDTH = PAGE.width - 2 * PAGE.margin;
const COLUMNS = [Math.round(TABLE_WIDTH * 0.18), 0, 0].map((w, i, a) =>
  i === 0 ? w : Math.floor((TABLE_WIDTH - a[0]!) / 2),
) as [number, number, number];

/** Status colours of the 条款 column (readable on white; unchanged stays grey). */
const STATUS_COLOR: Partial<Record<SectionRow["status"], string>> = {
  added: COLORS.ins,
  removed: COLORS.del,
  unchanged: COLORS.note,
};

const cellMargins = { top: 60, bottom: 60, left: 100, right: 100 };

function cell(children: Paragraph[], width: number, shaded = false): TableCell {
  return new TableCell({
    children: children.length ? children : [new Paragraph({})],
    width: { size: width, type: WidthType.DXA },
    margins: cellMargins,
    ...(shaded ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: COLORS.headerFill } } : {}),
  });
}

function clauseCell(row: SectionRow, ancestors: string[], m: CompareMessages): TableCell {
  const paragraphs: Paragraph[] = [];
  if (ancestors.length)
    paragraphs.push(new Paragraph({ children: [noteRun(ancestors.join(" › "))], spacing: { after: 20 } }));
  paragraphs.push(
    new Paragraph({
      children: [new TextRun({ text: xmlText(rowLabel(row, m)), bold: true, font: FONTS.heading })],
      spacing: { after: 40 },
    }),
  );
  const status: TextRun[] = [
    new TextRun({
      text: xmlText(`［${statusLabel(row.status, m)}］`),
      bold: true,
      size: SIZES.small,
      color: STATUS_COLOR[row.status] ?? "000000",
    }),
  ];
  if (row.changed) status.push(noteRun(` ${format(m.export.changedRatio, { n: formatShare(rowChangedRatio(row)) })}`));
  paragraphs.push(new Paragraph({ children: status, spacing: { after: 40 } }));
  for (const note of statusNotes(row, m)) paragraphs.push(new Paragraph({ children: [noteRun(note)] }));
  return cell(paragraphs, COLUMNS[0]);
}

function textCell(row: SectionRow, side: "old" | "new", elide: boolean, m: CompareMessages): TableCell {
  const paragraphs: Paragraph[] = [];
  for (const block of sideBlocks(row, side, elide)) {
    if (block.elided) {
      paragraphs.push(new Paragraph({ children: [noteRun(m.export.elided, { italics: true })] }));
      continue;
    }
    const moved = block.movedTo
      ? `${m.blockMovedTo}${block.movedTo}`
      : block.movedFrom
        ? `${m.blockMovedFrom}${block.movedFrom}`
        : null;
    if (moved) paragraphs.push(new Paragraph({ children: [noteRun(moved, { italics: true })] }));
    for (const l of block.lines)
      paragraphs.push(new Paragraph({ children: markedRuns(l, block.kind === "heading" ? { bold: true } : {}) }));
  }
  if (!paragraphs.length) {
    const empty =
      side === "old" && row.status === "added"
        ? m.export.addedCell
        : side === "new" && row.status === "removed"
          ? m.export.removedCell
          : m.export.absent;
    paragraphs.push(new Paragraph({ children: [noteRun(empty, { italics: true, size: SIZES.body })] }));
  }
  return cell(paragraphs, side === "old" ? COLUMNS[1] : COLUMNS[2]);
}

function headerRow(m: CompareMessages): TableRow {
  const head = (text: string, width: number) =>
    cell(
      [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: xmlText(text), bold: true, font: FONTS.heading })],
        }),
      ],
      width,
      true,
    );
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [head(m.export.clause, COLUMNS[0]), head(m.export.before, COLUMNS[1]), head(m.export.after, COLUMNS[2])],
  });
}

function titleBlock(input: ExportInput, m: CompareMessages): Paragraph[] {
  const e = m.export;
  const strike = new TextRun({ text: xmlText(e.legendDeleted), strike: true, color: COLORS.del });
  const under = new TextRun({ text: xmlText(e.legendInserted), underline: {}, color: COLORS.ins });
  const [before, middle, after] = e.legend.split(/\{deleted\}|\{inserted\}/) as [string, string, string];
  return [
    title(e.tableTitle),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: xmlText(pairTitle(input)), bold: true })],
      spacing: { after: 200 },
    }),
    line([
      new TextRun(xmlText(`${versionLine(input.from, "from", input)}\u3000`)),
      hyperlink(input.from.url, input.from.url),
    ]),
    line([new TextRun(xmlText(`${versionLine(input.to, "to", input)}\u3000`)), hyperlink(input.to.url, input.to.url)]),
    line([new TextRun(xmlText(`${e.options}${e.colon}${optionsLine(input)}`))]),
    line([new TextRun(xmlText(scopeLine(input)))]),
    line([new TextRun(xmlText(`${e.summary}${e.colon}${summaryLine(input.view.summary, m.summary)}`))]),
    line([new TextRun(xmlText(before)), strike, new TextRun(xmlText(middle)), under, new TextRun(xmlText(after))]),
    line([new TextRun(xmlText(`${e.onlineView}${e.colon}`)), hyperlink(input.compareUrl, input.compareUrl)], {
      spacingAfter: 200,
    }),
  ];
}

/** The 修订对照表 as a .docx file's bytes. */
export async function renderComparisonDocx(input: ExportInput): Promise<Uint8Array> {
  const m = messagesFor(input);
  const rows = exportRows(input.view, input.scope);
  const ancestors = ancestorLabels(input.view, m);
  // Listing changes only: a changed section's unchanged paragraphs are left out (one note per run).
  const elide = input.scope === "changes";
  const body: (Paragraph | Table)[] = titleBlock(input, m);
  if (rows.length)
    body.push(
      new Table({
        width: { size: TABLE_WIDTH, type: WidthType.DXA },
        columnWidths: COLUMNS,
        layout: TableLayoutType.FIXED,
        borders: {
          top: { style: BorderStyle.SINGLE, size: 4, color: "808080" },
          bottom: { style: BorderStyle.SINGLE, size: 4, color: "808080" },
          left: { style: BorderStyle.SINGLE, size: 4, color: "808080" },
          right: { style: BorderStyle.SINGLE, size: 4, color: "808080" },
          insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: "808080" },
          insideVertical: { style: BorderStyle.SINGLE, size: 4, color: "808080" },
        },
        rows: [
          headerRow(m),
          ...rows.map(
            (row) =>
              new TableRow({
                children: [
                  clauseCell(row, ancestors.get(row.key) ?? [], m),
                  textCell(row, "old", elide, m),
                  textCell(row, "new", elide, m),
                ],
              }),
          ),
        ],
      }),
    );
  else body.push(line([new TextRun(xmlText(m.export.noChanges))]));
  body.push(
    new Paragraph({
      children: [noteRun(format(m.export.generatedBy, { site: siteName(input.locale) }))],
      spacing: { before: 200 },
    }),
  );

  const doc = new Document({
    title: xmlText(`${m.export.tableTitle}: ${pairTitle(input)}`),
    creator: siteName(input.locale),
    description: xmlText(input.compareUrl),
    styles: documentStyles(input),
    sections: [
      {
        properties: {
          page: {
            // The library swaps width and height for landscape: it takes the portrait sheet.
            size: { width: PAGE.height, height: PAGE.width, orientation: PageOrientation.LANDSCAPE },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [noteRun(`${m.export.tableTitle} · ${pairTitle(input)}`)],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES], size: SIZES.small }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return packDocx(doc);
}
