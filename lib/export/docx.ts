// The status report as a Word document, laid out like a government work report (工作报告): a centred title in
// 黑体/小标宋 style, 仿宋 body text, 黑体 first-level and 楷体 second-level headings, tables in 宋体. Fonts are
// set for East Asian text (w:eastAsia) in the document styles so every run inherits them; Word and WPS use
// their own substitution when a face is missing, which is why only the standard Windows faces are named.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { ReportData } from "../report/types";
import { buildReportOutline, type Align, type OutlineBlock, type ReportOutline } from "./report-document";
import { withZipTimes } from "./zip-times";

const FONTS = {
  body: "仿宋",
  heading1: "黑体",
  heading2: "楷体",
  title: "黑体",
  table: "宋体",
} as const;
// Latin text beside the Chinese (codes, numbers, an English report).
const LATIN = "Times New Roman";

// Half-points: 三号 16pt body and headings, 二号 22pt title, 五号 10.5pt tables (GB/T 9704 sizes).
const SIZE = { title: 44, body: 32, subtitle: 28, table: 21 } as const;

function font(eastAsia: string) {
  return { ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia };
}

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
};

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const BORDERS = { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER };

function cell(text: string, width: number, align: Align, bold: boolean, shaded: boolean): TableCell {
  return new TableCell({
    width: { size: Math.round(width * 100), type: WidthType.PERCENTAGE },
    borders: BORDERS,
    shading: shaded ? { fill: "E7E6E6" } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({ style: "ReportTable", alignment: ALIGN[align], children: [new TextRun({ text, bold })] }),
    ],
  });
}

function blockToDocx(block: OutlineBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case "heading":
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          children: [new TextRun(block.text)],
        }),
      ];
    case "paragraph":
      return [new Paragraph({ style: "ReportBody", children: [new TextRun(block.text)] })];
    case "entries":
      return block.entries.map(
        (entry, i) => new Paragraph({ style: "ReportBody", children: [new TextRun(`${i + 1}. ${entry}`)] }),
      );
    case "table": {
      const header = new TableRow({
        // Repeated at the top of every page the table runs onto.
        tableHeader: true,
        cantSplit: true,
        children: block.columns.map((c) => cell(c.label, c.width, "center", true, true)),
      });
      const rows = block.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.cells.map((text, i) => {
              const column = block.columns[i];
              return cell(text, column?.width ?? 0.1, column?.align ?? "left", row.strong, false);
            }),
          }),
      );
      // An empty paragraph after a table keeps two tables or a table and a heading from touching.
      return [
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
        new Paragraph({ style: "ReportTable", children: [] }),
      ];
    }
  }
}

export async function renderDocx(data: ReportData): Promise<Buffer> {
  return renderOutlineDocx(buildReportOutline(data));
}

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

/** docProps/core.xml as the docx package writes it, with `at` as creation and modification time. */
function coreProperties(title: string, at: Date): string {
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>${escapeXml(title)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

/**
 * Any outline as a Word document. With `fixedAt`, the document's creation and modification times and its zip
 * entries' times are that moment, so the same outline always gives the same bytes (a closed period's files).
 */
export async function renderOutlineDocx(outline: ReportOutline, options: { fixedAt?: Date } = {}): Promise<Buffer> {
  const language = outline.locale === "en" ? "en-GB" : "zh-CN";

  const doc = new Document({
    title: outline.title,
    creator: outline.title,
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: SIZE.body, language: { value: language, eastAsia: "zh-CN" } },
        },
        heading1: {
          run: { font: font(FONTS.heading1), size: SIZE.body, bold: false, color: "000000" },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
        heading2: {
          run: { font: font(FONTS.heading2), size: SIZE.body, bold: false, color: "000000" },
          paragraph: { spacing: { before: 120, after: 60 }, keepNext: true },
        },
      },
      paragraphStyles: [
        {
          id: "ReportTitle",
          name: "Report Title",
          basedOn: "Normal",
          run: { font: font(FONTS.title), size: SIZE.title },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
        },
        {
          id: "ReportSubtitle",
          name: "Report Subtitle",
          basedOn: "Normal",
          run: { font: font(FONTS.heading2), size: SIZE.subtitle },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 60 } },
        },
        {
          id: "ReportBody",
          name: "Report Body",
          basedOn: "Normal",
          run: { font: font(FONTS.body), size: SIZE.body },
          // 首行缩进两字 and a fixed 28pt line, as in printed work reports.
          paragraph: {
            indent: { firstLine: 640 },
            spacing: { line: 560, lineRule: LineRuleType.EXACT, after: 0 },
            alignment: AlignmentType.JUSTIFIED,
          },
        },
        {
          id: "ReportTable",
          name: "Report Table",
          basedOn: "Normal",
          run: { font: font(FONTS.table), size: SIZE.table },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
        {
          id: "ReportFooter",
          name: "Report Footer",
          basedOn: "Normal",
          run: { font: font(FONTS.table), size: SIZE.table },
          paragraph: { alignment: AlignmentType.CENTER },
        },
      ],
    },
    sections: [
      {
        properties: {
          // A4 with the 公文 margins (37 mm top, 28 mm left, 26 mm right, 35 mm bottom), in twips.
          page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: "ReportFooter",
                children: [
                  new TextRun({
                    children: [
                      outline.footer.beforePage,
                      PageNumber.CURRENT,
                      outline.footer.between,
                      PageNumber.TOTAL_PAGES,
                      outline.footer.afterTotal,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ style: "ReportTitle", children: [new TextRun(outline.title)] }),
          ...outline.subtitle.map((line) => new Paragraph({ style: "ReportSubtitle", children: [new TextRun(line)] })),
          new Paragraph({ style: "ReportSubtitle", children: [] }),
          ...outline.blocks.flatMap(blockToDocx),
        ],
      },
    ],
  });
  if (options.fixedAt === undefined) return Packer.toBuffer(doc);
  const packed = await Packer.toBuffer(doc, false, [
    { path: "docProps/core.xml", data: coreProperties(outline.title, options.fixedAt) },
  ]);
  return withZipTimes(packed, options.fixedAt);
}
