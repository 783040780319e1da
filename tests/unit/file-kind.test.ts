// The evidence sniffer (lib/file-kind.ts) on small files made here by the libraries that write them in real
// life (docx, exceljs, JSZip) or laid out by their specifications (PDF, PNG, OLE compound files), and on the
// hostile ones: markup, scripts and programs, also when renamed to .pdf or .docx.
import fc from "fast-check";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import {
  checkEvidenceFile,
  compoundEntryNames,
  extensionOf,
  FILE_KINDS,
  kindOfMediaType,
  sniffContent,
  zipEntryNames,
} from "../../lib/file-kind";
import * as files from "../support/evidence-files";

describe("sniffContent: accepted kinds, by their bytes", () => {
  it("reads the test's PDF as a PDF, and pdf.js opens it (the file is real)", async () => {
    const pdf = files.pdfFile();
    expect(sniffContent(pdf)).toEqual({ ok: true, kind: "pdf" });
    const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
    expect(doc.numPages).toBe(1);
    await doc.destroy();
  });

  it("tells images apart: PNG, JPEG, GIF, WebP", () => {
    expect(sniffContent(files.pngFile())).toEqual({ ok: true, kind: "png" });
    expect(sniffContent(files.jpegFile())).toEqual({ ok: true, kind: "jpeg" });
    expect(sniffContent(files.gifFile())).toEqual({ ok: true, kind: "gif" });
    expect(sniffContent(files.webpFile())).toEqual({ ok: true, kind: "webp" });
  });

  it("reads OOXML from the zip's central directory: a docx made by docx, an xlsx by exceljs, a pptx", async () => {
    const docx = await files.docxFile();
    expect(zipEntryNames(docx)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml"]));
    expect(sniffContent(docx)).toEqual({ ok: true, kind: "docx" });
    expect(sniffContent(await files.xlsxFile())).toEqual({ ok: true, kind: "xlsx" });
    expect(sniffContent(await files.pptxFile())).toEqual({ ok: true, kind: "pptx" });
    expect(sniffContent(await files.ofdFile())).toEqual({ ok: true, kind: "ofd" });
  });

  it("reads legacy Office and WPS compound files from their directory of streams", () => {
    expect(compoundEntryNames(files.docFile())).toEqual([
      "Root Entry",
      "WordDocument",
      "1Table",
      "\u0005SummaryInformation",
    ]);
    expect(sniffContent(files.docFile())).toEqual({ ok: true, kind: "doc" });
    expect(sniffContent(files.xlsFile())).toEqual({ ok: true, kind: "xls" });
    expect(sniffContent(files.pptFile())).toEqual({ ok: true, kind: "ppt" });
    // A directory over several sectors, chained through the FAT, with the document stream in the last one.
    const many = files.compoundFile([...Array.from({ length: 14 }, (_, i) => `stream${i}`), "Workbook"]);
    expect(compoundEntryNames(many)).toHaveLength(16);
    expect(sniffContent(many)).toEqual({ ok: true, kind: "xls" });
  });
});

describe("sniffContent: refusals, named", () => {
  it("refuses markup however it starts: HTML, HTML after a byte-order mark, a tag after some text, SVG", () => {
    expect(sniffContent(files.htmlFile())).toEqual({ ok: false, reason: "markup" });
    expect(sniffContent(files.bomHtmlFile())).toEqual({ ok: false, reason: "markup" });
    expect(sniffContent(files.textThenScriptFile())).toEqual({ ok: false, reason: "markup" });
    expect(sniffContent(Buffer.from("\ufeff<html>", "utf16le"))).toEqual({ ok: false, reason: "markup" });
    expect(sniffContent(files.svgFile())).toEqual({ ok: false, reason: "svg" });
    // An HTML page that mentions %PDF- later is still a page.
    expect(sniffContent(Buffer.from("<html>%PDF-1.4</html>"))).toEqual({ ok: false, reason: "markup" });
  });

  it("refuses scripts and programs: #!, Windows PE, ELF, Java/Android packages", async () => {
    expect(sniffContent(files.shellScriptFile())).toEqual({ ok: false, reason: "script" });
    expect(sniffContent(files.windowsExecutableFile())).toEqual({ ok: false, reason: "executable" });
    expect(sniffContent(files.elfFile())).toEqual({ ok: false, reason: "executable" });
    expect(sniffContent(await files.jarFile())).toEqual({ ok: false, reason: "executable" });
  });

  it("refuses other zips, Office files with macros, password-protected and non-document compound files", async () => {
    expect(sniffContent(await files.plainZipFile())).toEqual({ ok: false, reason: "archive" });
    expect(sniffContent(await files.docmFile())).toEqual({ ok: false, reason: "macro" });
    expect(sniffContent(files.docWithMacrosFile())).toEqual({ ok: false, reason: "macro" });
    expect(sniffContent(files.encryptedOoxmlFile())).toEqual({ ok: false, reason: "encrypted" });
    expect(sniffContent(files.installerFile())).toEqual({ ok: false, reason: "compound" });
  });

  it("refuses empty, plain text and broken containers", async () => {
    expect(sniffContent(new Uint8Array(0))).toEqual({ ok: false, reason: "empty" });
    expect(sniffContent(files.plainTextFile())).toEqual({ ok: false, reason: "unknown" });
    const docx = await files.docxFile();
    // Cut before its central directory: nothing says it is a document.
    expect(sniffContent(docx.subarray(0, docx.length - 200))).toEqual({ ok: false, reason: "archive" });
    expect(sniffContent(files.docFile().subarray(0, 600))).toEqual({ ok: false, reason: "compound" });
    const garbage = Buffer.alloc(2048, 0xff);
    files.docFile().subarray(0, 8).copy(garbage);
    expect(sniffContent(garbage)).toEqual({ ok: false, reason: "compound" });
  });

  it("never throws, whatever the bytes (also behind a zip or compound-file signature)", () => {
    const zip = [0x50, 0x4b, 0x03, 0x04];
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    fc.assert(
      fc.property(fc.constantFrom<number[]>([], zip, ole), fc.uint8Array({ maxLength: 4096 }), (magic, rest) => {
        const bytes = new Uint8Array([...magic, ...rest]);
        const result = sniffContent(bytes);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 500 },
    );
  });
});

describe("checkEvidenceFile: the name's extension agrees with the content's family", () => {
  it("accepts a file named as its kind, in any case, and stores the media type of the content", async () => {
    expect(checkEvidenceFile("会议纪要.PDF", files.pdfFile())).toEqual({
      ok: true,
      kind: "pdf",
      mediaType: "application/pdf",
    });
    expect(checkEvidenceFile("现场照片.jpeg", files.jpegFile())).toMatchObject({ ok: true, mediaType: "image/jpeg" });
    expect(checkEvidenceFile("台账.xlsx", await files.xlsxFile())).toMatchObject({ ok: true, kind: "xlsx" });
    expect(checkEvidenceFile("通知.wps", files.docFile())).toMatchObject({ ok: true, mediaType: "application/msword" });
    expect(checkEvidenceFile("报表.et", files.xlsFile())).toMatchObject({ ok: true, kind: "xls" });
    expect(checkEvidenceFile("汇报.dps", files.pptFile())).toMatchObject({ ok: true, kind: "ppt" });
    expect(checkEvidenceFile("批复.ofd", await files.ofdFile())).toMatchObject({ ok: true, kind: "ofd" });
  });

  it("accepts a name of the same family: a PNG saved as .jpg, a Word 97 file saved as .docx", async () => {
    expect(checkEvidenceFile("照片.jpg", files.pngFile())).toMatchObject({ ok: true, mediaType: "image/png" });
    expect(checkEvidenceFile("旧文件.docx", files.docFile())).toMatchObject({ ok: true, kind: "doc" });
    expect(checkEvidenceFile("新文件.doc", await files.docxFile())).toMatchObject({ ok: true, kind: "docx" });
  });

  it("refuses a name of another family, naming the content and the extension", async () => {
    expect(checkEvidenceFile("x.docx", files.pdfFile())).toEqual({
      ok: false,
      reason: "mismatch",
      kind: "pdf",
      extension: "docx",
    });
    expect(checkEvidenceFile("表格.docx", await files.xlsxFile())).toMatchObject({ reason: "mismatch", kind: "xlsx" });
    expect(checkEvidenceFile("图.pdf", files.pngFile())).toMatchObject({ reason: "mismatch", kind: "png" });
    expect(checkEvidenceFile("文件", files.pdfFile())).toMatchObject({ reason: "noExtension", kind: "pdf" });
    expect(checkEvidenceFile("文件.", files.pdfFile())).toMatchObject({ reason: "noExtension" });
  });

  it("refuses hostile content renamed to an accepted name", async () => {
    expect(checkEvidenceFile("报告.pdf", files.htmlFile())).toEqual({ ok: false, reason: "markup" });
    expect(checkEvidenceFile("报告.docx", files.windowsExecutableFile())).toEqual({ ok: false, reason: "executable" });
    expect(checkEvidenceFile("照片.png", files.svgFile())).toEqual({ ok: false, reason: "svg" });
    expect(checkEvidenceFile("说明.pdf", files.shellScriptFile())).toEqual({ ok: false, reason: "script" });
    expect(checkEvidenceFile("资料.docx", await files.plainZipFile())).toEqual({ ok: false, reason: "archive" });
  });

  it("maps names and media types back", () => {
    expect(extensionOf("a.b.PDF")).toBe("pdf");
    expect(extensionOf(".pdf")).toBe("");
    expect(extensionOf("名称")).toBe("");
    for (const [kind, info] of Object.entries(FILE_KINDS)) expect(kindOfMediaType(info.mediaType)).toBe(kind);
    expect(kindOfMediaType("text/html")).toBeNull();
  });
});
