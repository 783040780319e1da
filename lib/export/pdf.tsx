// The status report as a PDF, drawn on the server by @react-pdf/renderer with the bundled Noto Sans SC (OFL),
// so the Chinese is real text in embedded CID subsets and no browser or system font is needed. Same outline
// as the DOCX (report-document.ts); page numbers in a fixed footer, table header rows repeated on every page.
import path from "node:path";
import { Document, Font, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { ReportData } from "../report/types";
import { projectFile } from "./project-file";
import { buildReportOutline, type OutlineBlock, type ReportOutline } from "./report-document";

const FAMILY = "NotoSansSC";
const FONT_DIR = path.join("node_modules", "@expo-google-fonts", "noto-sans-sc");
const FONT_FILES = { 400: "400Regular/NotoSansSC_400Regular.ttf", 700: "700Bold/NotoSansSC_700Bold.ttf" } as const;

// Han, CJK punctuation, kana and full-width forms: places where a line may break between any two characters.
const CJK = /[\u2E80-\u2FFF\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/u;
// Kinsoku: no line starts with closing punctuation and none ends with opening punctuation.
const CLOSING = /[，。、；：？！）」』》〉】”’％…,.;:?!)\]%]/u;
const OPENING = /[（「『《〈【“‘(\[]/u;

/**
 * react-pdf breaks lines only at spaces and hyphenation points, and Chinese has no spaces: without this a
 * long Chinese sentence overflows its box. A break is allowed next to every CJK character (Latin runs and
 * numbers stay whole). The empty string after each piece matters: textkit turns an empty syllable into a
 * zero-width glue, a break point WITHOUT the hyphen it would draw at a plain syllable boundary.
 */
export function splitForLineBreaks(word: string): string[] {
  if (!CJK.test(word)) return [word];
  const chars = Array.from(word);
  const parts: string[] = [];
  let current = "";
  chars.forEach((char, i) => {
    current += char;
    const next = chars[i + 1];
    if (next === undefined) return;
    if ((CJK.test(char) || CJK.test(next)) && !CLOSING.test(next) && !OPENING.test(char)) {
      parts.push(current, "");
      current = "";
    }
  });
  parts.push(current);
  return parts;
}

let fontsRegistered = false;

/**
 * The font files are read at render time from node_modules rather than bundled: each weight is ~10 MB, and
 * @react-pdf/renderer stays outside the server bundle (next.config.ts serverExternalPackages).
 */
const fontPath = (file: string) =>
  projectFile(path.join(FONT_DIR, file), "Noto Sans SC font", (m) => new Error(`${m}; run npm ci`));

function registerFonts(): void {
  if (fontsRegistered) return;
  Font.register({
    family: FAMILY,
    fonts: [
      { src: fontPath(FONT_FILES[400]), fontWeight: 400 },
      { src: fontPath(FONT_FILES[700]), fontWeight: 700 },
    ],
  });
  Font.registerHyphenationCallback(splitForLineBreaks);
  fontsRegistered = true;
}

const styles = StyleSheet.create({
  page: { fontFamily: FAMILY, fontSize: 10.5, paddingTop: 56, paddingBottom: 64, paddingHorizontal: 56, color: "#000" },
  title: { fontSize: 19, fontWeight: 700, textAlign: "center", marginBottom: 10 },
  subtitle: { fontSize: 11, textAlign: "center", marginBottom: 2, color: "#333" },
  subtitleEnd: { marginBottom: 16 },
  heading1: { fontSize: 14, fontWeight: 700, marginTop: 12, marginBottom: 6 },
  heading2: { fontSize: 12, fontWeight: 700, marginTop: 8, marginBottom: 4 },
  paragraph: { textIndent: 21, marginBottom: 4, textAlign: "justify", lineHeight: 1.6 },
  entry: { marginBottom: 2, paddingLeft: 10, lineHeight: 1.5 },
  table: {
    borderTopWidth: 0.75,
    borderLeftWidth: 0.75,
    borderColor: "#000",
    marginTop: 2,
    marginBottom: 10,
    fontSize: 9,
  },
  row: { flexDirection: "row" },
  headerRow: { flexDirection: "row", backgroundColor: "#e7e6e6" },
  cell: {
    borderRightWidth: 0.75,
    borderBottomWidth: 0.75,
    borderColor: "#000",
    paddingVertical: 2.5,
    paddingHorizontal: 3,
  },
  bold: { fontWeight: 700 },
  footer: { position: "absolute", bottom: 28, left: 0, right: 0, textAlign: "center", fontSize: 9, color: "#333" },
});

function Block({ block }: { block: OutlineBlock }) {
  switch (block.kind) {
    case "heading":
      // minPresenceAhead keeps a heading from ending a page without anything under it.
      return (
        <Text style={block.level === 1 ? styles.heading1 : styles.heading2} minPresenceAhead={40}>
          {block.text}
        </Text>
      );
    case "paragraph":
      return <Text style={styles.paragraph}>{block.text}</Text>;
    case "entries":
      return (
        <View>
          {block.entries.map((entry, i) => (
            <Text key={i} style={styles.entry}>{`${i + 1}. ${entry}`}</Text>
          ))}
        </View>
      );
    case "table":
      return (
        <View style={styles.table}>
          {/* fixed: repeated at the top of every page this table continues onto */}
          <View style={styles.headerRow} fixed>
            {block.columns.map((column, i) => (
              <Text
                key={i}
                style={[styles.cell, styles.bold, { width: `${column.width * 100}%`, textAlign: "center" }]}
              >
                {column.label}
              </Text>
            ))}
          </View>
          {block.rows.map((row, r) => (
            <View key={r} style={styles.row} wrap={false}>
              {row.cells.map((text, i) => {
                const column = block.columns[i];
                return (
                  <Text
                    key={i}
                    style={[
                      styles.cell,
                      row.strong ? styles.bold : {},
                      { width: `${(column?.width ?? 0.1) * 100}%`, textAlign: column?.align ?? "left" },
                    ]}
                  >
                    {text}
                  </Text>
                );
              })}
            </View>
          ))}
        </View>
      );
  }
}

/** A table longer than this (about a page of rows) runs over a page break anyway: its section starts a page. */
export const LONG_TABLE_ROWS = 25;

/**
 * The outline cut where a new page starts: at each chapter (level-1 heading), and within a chapter at a section
 * (level-2 heading) whose table is long. Each part is its own <Page>; page numbers still count over the whole
 * document. Why parts: at every page break react-pdf lays out again all that follows the break in the same
 * <Page> (twice, with the page-number footer), so one long <Page> costs pages × content — the 21 pages of a
 * 10,000-item report took 3.9 s as one <Page> and 1.3 s in parts (bench/RESULTS.md).
 */
function pageParts(blocks: OutlineBlock[]): OutlineBlock[][] {
  const parts: OutlineBlock[][] = [[]];
  blocks.forEach((block, i) => {
    const starts =
      block.kind === "heading" && (block.level === 1 || longTableFollows(blocks, i)) && parts.at(-1)!.length > 0;
    if (starts) parts.push([]);
    parts.at(-1)!.push(block);
  });
  return parts;
}

/** Whether the section under the heading at `i` (up to the next heading) holds a table over LONG_TABLE_ROWS. */
function longTableFollows(blocks: OutlineBlock[], i: number): boolean {
  for (const block of blocks.slice(i + 1)) {
    if (block.kind === "heading") return false;
    if (block.kind === "table" && block.rows.length > LONG_TABLE_ROWS) return true;
  }
  return false;
}

function TitleLines({ outline }: { outline: ReportOutline }) {
  return (
    <>
      <Text style={styles.title}>{outline.title}</Text>
      {outline.subtitle.map((line, i) => (
        <Text
          key={i}
          style={i === outline.subtitle.length - 1 ? [styles.subtitle, styles.subtitleEnd] : styles.subtitle}
        >
          {line}
        </Text>
      ))}
    </>
  );
}

function ReportPdf({ outline, fixedAt }: { outline: ReportOutline; fixedAt?: Date }) {
  const { footer } = outline;
  return (
    <Document
      title={outline.title}
      language={outline.locale}
      creator={outline.title}
      producer={outline.title}
      creationDate={fixedAt}
      modificationDate={fixedAt}
    >
      {pageParts(outline.blocks).map((blocks, part) => (
        <Page key={part} size="A4" style={styles.page}>
          {part === 0 ? <TitleLines outline={outline} /> : null}
          {blocks.map((block, i) => (
            <Block key={i} block={block} />
          ))}
          <Text
            style={styles.footer}
            fixed
            render={({ pageNumber, totalPages }) =>
              `${footer.beforePage}${pageNumber}${footer.between}${totalPages}${footer.afterTotal}`
            }
          />
        </Page>
      ))}
    </Document>
  );
}

export async function renderPdf(data: ReportData): Promise<Buffer> {
  return renderOutlinePdf(buildReportOutline(data));
}

/**
 * Any outline as a PDF. With `fixedAt` the document's dates (and so its file id, which PDFKit derives from
 * them) are that moment, so the same outline always gives the same bytes (a closed period's files).
 */
export async function renderOutlinePdf(outline: ReportOutline, options: { fixedAt?: Date } = {}): Promise<Buffer> {
  registerFonts();
  return renderToBuffer(<ReportPdf outline={outline} fixedAt={options.fixedAt} />);
}
