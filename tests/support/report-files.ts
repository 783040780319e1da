// Reads generated Word and PDF reports back as text: the DOCX's XML parts, paragraphs and table rows, and the
// PDF's text per page through pdf.js.
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]!);

export interface DocxParts {
  document: string;
  styles: string;
  footer: string;
  /** the text of each paragraph of the body, runs joined */
  paragraphs: string[];
  /** each table row's cell texts */
  rows: string[][];
}

export async function readDocx(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} missing from the DOCX`);
    return file.async("string");
  };
  const document = await part("word/document.xml");
  const footerName = Object.keys(zip.files).find((n) => /^word\/footer\d*\.xml$/.test(n));
  const textOf = (xml: string) =>
    [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join("");
  const paragraphs = document
    .split("</w:p>")
    .map(textOf)
    .filter((p) => p !== "");
  const rows = document
    .split("</w:tr>")
    .filter((r) => r.includes("<w:tr"))
    .map((r) => r.slice(r.lastIndexOf("<w:tr")).split("</w:tc>").slice(0, -1).map(textOf));
  return {
    document,
    styles: await part("word/styles.xml"),
    footer: footerName ? await part(footerName) : "",
    paragraphs,
    rows,
  };
}

export interface PdfText {
  numPages: number;
  /** each page's text with all whitespace removed (table cells wrap onto several lines) */
  pages: string[];
  /** every text line as pdf.js reports it */
  lines: string[];
}

export async function readPdf(buffer: Buffer): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(buffer), verbosity: 0, useSystemFonts: false }).promise;
  const pages: string[] = [];
  const lines: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    const strings = content.items.map((item) => ("str" in item ? item.str : ""));
    pages.push(squash(strings.join("")));
    lines.push(...strings.filter((s) => s.trim() !== ""));
  }
  await doc.destroy();
  return { numPages: doc.numPages, pages, lines };
}

export const squash = (s: string) => s.replace(/\s+/g, "");

/** A table row as its cells, written as one line: `cells("督办 | 1 | 1")` → ["督办", "1", "1"]. */
export const cells = (row: string) => row.split(" | ");
