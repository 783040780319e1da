// Small files of every kind the evidence upload meets, made in the test run (nothing is checked in): a PDF
// with a correct cross-reference table, a PNG with real CRCs, a Word document made by `docx`, a workbook made by
// exceljs, a presentation and an OFD package zipped by JSZip, OLE compound files laid out as the [MS-CFB] spec
// says (a Word 97 document, an Excel workbook, a PowerPoint file, an installer-like one without a document
// stream, one with macros, a password-protected OOXML), and the hostile ones: HTML, SVG, scripts, executables.
import { deflateSync, crc32 } from "node:zlib";
import { Document, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { pdfOfObjects } from "../../prisma/seed/pdf-objects";

/** A one-page PDF whose xref offsets are right, so any PDF reader opens it. */
export function pdfFile(text = "evidence"): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    (() => {
      const stream = `BT /F1 12 Tf 20 100 Td (${text}) Tj ET`;
      return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    })(),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  return pdfOfObjects(objects);
}

/** A 2×2 RGB PNG with correct chunk CRCs. */
export function pngFile(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A JPEG's frame as far as the sniffer reads it: start of image, the JFIF segment, end of image. */
export function jpegFile(): Buffer {
  const jfif = Buffer.from([0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), jfif, Buffer.from([0xff, 0xd9])]);
}

export function gifFile(): Buffer {
  return Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
}

/** A 1×1 lossless WebP. */
export function webpFile(): Buffer {
  return Buffer.from("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==", "base64");
}

export async function docxFile(text = "佐证材料：会议纪要"): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: [new Paragraph(text)] }] });
  return Packer.toBuffer(doc);
}

export async function xlsxFile(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("进展").addRow(["事项", "进度"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A zip of the given entries (name → text). */
export async function zipOf(entries: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(entries)) zip.file(name, text);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`;

/** A minimal PowerPoint package (no generator is installed; the parts are what PowerPoint looks for). */
export function pptxFile(): Promise<Buffer> {
  return zipOf({
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": "<Relationships/>",
    "ppt/presentation.xml": "<p:presentation/>",
  });
}

/** A Word package with a macro project (what Word saves as .docm). */
export function docmFile(): Promise<Buffer> {
  return zipOf({
    "[Content_Types].xml": CONTENT_TYPES,
    "word/document.xml": "<w:document/>",
    "word/vbaProject.bin": "macro",
  });
}

/** An OFD package: a zip with OFD.xml at its root. */
export function ofdFile(): Promise<Buffer> {
  return zipOf({ "OFD.xml": "<ofd:OFD/>", "Doc_0/Document.xml": "<ofd:Document/>" });
}

export function plainZipFile(): Promise<Buffer> {
  return zipOf({ "说明.txt": "hello", "photos/1.txt": "x" });
}

export function jarFile(): Promise<Buffer> {
  return zipOf({ "META-INF/MANIFEST.MF": "Main-Class: X", "X.class": "cafebabe" });
}

/**
 * An OLE compound file (version 3, 512-byte sectors) with these stream names in its directory: sector 0 is
 * the FAT, the directory follows in as many sectors as the names need (chained through the FAT), and each
 * stream's data is left empty. Enough names spread the directory over several sectors.
 */
export function compoundFile(streams: string[]): Buffer {
  const SECTOR = 512;
  const entries = ["Root Entry", ...streams];
  const directorySectors = Math.ceil(entries.length / 4);
  const total = 1 + directorySectors;
  const out = Buffer.alloc(SECTOR * (1 + total), 0);
  // Header.
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
  out.writeUInt16LE(0x3e, 24); // minor version
  out.writeUInt16LE(3, 26); // major version
  out.writeUInt16LE(0xfffe, 28); // byte order
  out.writeUInt16LE(9, 30); // sector shift: 512
  out.writeUInt16LE(6, 32); // mini sector shift: 64
  out.writeUInt32LE(1, 44); // FAT sectors
  out.writeUInt32LE(1, 48); // first directory sector
  out.writeUInt32LE(4096, 56); // mini stream cutoff
  out.writeUInt32LE(0xfffffffe, 60); // first mini FAT sector: none
  out.writeUInt32LE(0xfffffffe, 68); // first DIFAT sector: none
  for (let i = 0; i < 109; i++) out.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 76 + i * 4);
  // FAT (sector 0): itself, then the directory chain 1 → 2 → … → end, the rest free.
  const fat = SECTOR;
  for (let i = 0; i < SECTOR / 4; i++) out.writeUInt32LE(0xffffffff, fat + i * 4);
  out.writeUInt32LE(0xfffffffd, fat);
  for (let s = 1; s <= directorySectors; s++)
    out.writeUInt32LE(s === directorySectors ? 0xfffffffe : s + 1, fat + s * 4);
  // Directory entries, 128 bytes each, starting at sector 1.
  entries.forEach((name, i) => {
    const at = SECTOR * 2 + i * 128;
    const utf16 = Buffer.from(`${name}\0`, "utf16le");
    utf16.copy(out, at);
    out.writeUInt16LE(utf16.length, at + 64);
    out[at + 66] = i === 0 ? 5 : 2; // root storage, then streams
    out.writeUInt32LE(0xffffffff, at + 68); // left sibling
    out.writeUInt32LE(i + 1 < entries.length && i > 0 ? i + 1 : 0xffffffff, at + 72); // right sibling
    out.writeUInt32LE(i === 0 && entries.length > 1 ? 1 : 0xffffffff, at + 76); // child
    out.writeUInt32LE(0xfffffffe, at + 116); // start sector: none
  });
  return out;
}

export const docFile = () => compoundFile(["WordDocument", "1Table", "\u0005SummaryInformation"]);
export const xlsFile = () => compoundFile(["Workbook", "\u0005SummaryInformation"]);
export const pptFile = () => compoundFile(["PowerPoint Document", "Current User"]);
/** What an .msi installer looks like from outside: a compound file without any document stream. */
export const installerFile = () =>
  compoundFile(["\u4840\u3b3f\u4577", "\u4840\u3f3f\u4577\u41ec", "\u0005SummaryInformation"]);
export const docWithMacrosFile = () => compoundFile(["WordDocument", "1Table", "Macros"]);
export const encryptedOoxmlFile = () => compoundFile(["EncryptionInfo", "EncryptedPackage"]);

export const htmlFile = () => Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
export const bomHtmlFile = () => Buffer.from("\ufeff  \n<html><script>alert(document.cookie)</script></html>");
export const textThenScriptFile = () => Buffer.from("hello\n<script>alert(1)</script>");
export const svgFile = () =>
  Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
export const shellScriptFile = () => Buffer.from("#!/bin/sh\nrm -rf /\n");
/** The start of a Windows program: "MZ", the DOS stub, and a PE header offset. */
export function windowsExecutableFile(): Buffer {
  const out = Buffer.alloc(256, 0);
  out.write("MZ", 0, "latin1");
  out.write("This program cannot be run in DOS mode.", 78, "latin1");
  out.writeUInt32LE(128, 60);
  out.write("PE\0\0", 128, "latin1");
  return out;
}
export function elfFile(): Buffer {
  const out = Buffer.alloc(64, 0);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]).copy(out);
  return out;
}
export const plainTextFile = () => Buffer.from("会议纪要\n本月完成可研评审。\n");
