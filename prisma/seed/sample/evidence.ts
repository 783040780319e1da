// Evidence files of the sample reports (示例数据): small one-page PDFs made here, byte for byte, so the sample
// needs no files on disk and no layout engine. Each is a valid PDF (a correct cross-reference table) whose
// Chinese lines use the standard Adobe-GB1 CID font STSong-Light (UniGB-UCS2-H), which PDF readers supply
// themselves, so the file embeds no font and stays about a kilobyte. Every file says that it is sample data.

import { pdfOfObjects } from "../pdf-objects";

/** One evidence file as planned: its (Chinese) name and the lines on its page. */
export interface EvidenceFile {
  fileName: string;
  title: string;
  lines: string[];
}

/** UTF-16BE hex of a string, as UniGB-UCS2-H reads a text string (BMP characters only). */
function ucs2Hex(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += (code > 0xffff ? 0x3000 : code).toString(16).padStart(4, "0");
  }
  return out.toUpperCase();
}

/** A one-page A4 PDF with a title and lines of Chinese text; the same input always gives the same bytes. */
export function evidencePdf(file: Pick<EvidenceFile, "title" | "lines">): Buffer {
  const text: string[] = ["BT", "/F1 18 Tf", "72 760 Td", `<${ucs2Hex(file.title)}> Tj`, "/F1 11 Tf", "0 -34 Td"];
  for (const line of file.lines) text.push(`<${ucs2Hex(line)}> Tj`, "0 -20 Td");
  text.push("ET");
  const stream = text.join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light " +
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>",
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] " +
      "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
  ];
  return pdfOfObjects(objects);
}
