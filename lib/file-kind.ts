// What an uploaded evidence file (佐证材料) really is, decided by its bytes and never by its name: PDF, the common
// image formats, Word/Excel/PowerPoint documents in both the OOXML (zip) and the legacy OLE compound-file form
// (which is also what WPS Office writes as .wps/.et/.dps), and OFD (China's fixed-layout format, a zip with
// OFD.xml). Everything else is refused, and markup, scripts and executables are refused by name so the person
// is told why, however the file was renamed. Pure: bytes in, a verdict out.
//
// Office files are told apart by looking inside them without unpacking anything: a zip by its central
// directory (the list of entries at the end of the file), an OLE compound file by its directory of streams.
// A compound file without a document stream (an .msi installer, an Outlook message) is not a document.

export type FileKind =
  "pdf" | "png" | "jpeg" | "gif" | "webp" | "docx" | "xlsx" | "pptx" | "doc" | "xls" | "ppt" | "ofd";

/** Kinds whose names may stand for each other: a .doc saved as .docx is still a Word document. */
export type FileFamily = "pdf" | "image" | "word" | "sheet" | "slides" | "ofd";

export interface KindInfo {
  mediaType: string;
  family: FileFamily;
  /** the name endings this kind is normally saved with, the first the usual one */
  extensions: readonly string[];
}

export const FILE_KINDS: Record<FileKind, KindInfo> = {
  pdf: { mediaType: "application/pdf", family: "pdf", extensions: ["pdf"] },
  png: { mediaType: "image/png", family: "image", extensions: ["png"] },
  jpeg: { mediaType: "image/jpeg", family: "image", extensions: ["jpg", "jpeg"] },
  gif: { mediaType: "image/gif", family: "image", extensions: ["gif"] },
  webp: { mediaType: "image/webp", family: "image", extensions: ["webp"] },
  docx: {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    family: "word",
    extensions: ["docx"],
  },
  xlsx: {
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    family: "sheet",
    extensions: ["xlsx"],
  },
  pptx: {
    mediaType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    family: "slides",
    extensions: ["pptx"],
  },
  // WPS Office's own .wps/.et/.dps are compound files with the same streams as Word/Excel/PowerPoint 97-2003.
  doc: { mediaType: "application/msword", family: "word", extensions: ["doc", "wps"] },
  xls: { mediaType: "application/vnd.ms-excel", family: "sheet", extensions: ["xls", "et"] },
  ppt: { mediaType: "application/vnd.ms-powerpoint", family: "slides", extensions: ["ppt", "dps"] },
  ofd: { mediaType: "application/ofd", family: "ofd", extensions: ["ofd"] },
};

/** Every name ending accepted for some kind (for the file picker's `accept`, and the messages). */
export const ACCEPTED_EXTENSIONS: readonly string[] = [
  ...new Set(Object.values(FILE_KINDS).flatMap((k) => k.extensions)),
];

/** Why content is refused. */
export type ContentRefusal =
  | "empty"
  /** HTML, XML or any other markup a browser could render */
  | "markup"
  | "svg"
  /** a script with a #! line */
  | "script"
  /** Windows, Linux or macOS program, Java or Android package */
  | "executable"
  /** a zip that is not an Office/OFD document */
  | "archive"
  /** an Office document with macros */
  | "macro"
  /** a password-protected Office document: its content cannot be checked */
  | "encrypted"
  /** a compound file that is no Word/Excel/PowerPoint/WPS document (an installer, a mail message…) */
  | "compound"
  | "unknown";

export type Sniffed = { ok: true; kind: FileKind } | { ok: false; reason: ContentRefusal };

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const PDF = ascii("%PDF-");
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii("GIF87a");
const GIF89 = ascii("GIF89a");
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const EXECUTABLES: readonly (readonly number[])[] = [
  ascii("MZ"), // Windows PE (.exe, .dll, .scr)
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal, Java class
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
];

/** What the bytes are. */
export function sniffContent(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (startsWith(bytes, PDF)) return { ok: true, kind: "pdf" };
  if (startsWith(bytes, PNG)) return { ok: true, kind: "png" };
  if (startsWith(bytes, JPEG)) return { ok: true, kind: "jpeg" };
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return { ok: true, kind: "gif" };
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return { ok: true, kind: "webp" };
  if (startsWith(bytes, ZIP)) return sniffZip(bytes);
  if (startsWith(bytes, OLE)) return sniffCompound(bytes);
  if (EXECUTABLES.some((magic) => startsWith(bytes, magic))) return { ok: false, reason: "executable" };
  return { ok: false, reason: sniffText(bytes) };
}

/** Text-like content: markup (what a browser would render, incl. SVG), a script, or just unknown. */
function sniffText(bytes: Uint8Array): ContentRefusal {
  const head = bytes.subarray(0, 2048);
  let text: string;
  if (startsWith(head, [0xff, 0xfe])) text = new TextDecoder("utf-16le").decode(head.subarray(2));
  else if (startsWith(head, [0xfe, 0xff])) text = new TextDecoder("utf-16be").decode(head.subarray(2));
  else text = new TextDecoder("utf-8").decode(head); // a UTF-8 byte-order mark is dropped by the decoder
  const start = text.replace(/^[\s\u0000]+/, "").toLowerCase();
  if (start.startsWith("#!")) return "script";
  if (/<svg[\s>/]/.test(start.slice(0, 1024))) return "svg";
  if (start.startsWith("<")) return "markup";
  // Browsers that sniff look for these tags near the start, even after other text.
  if (/<(html|head|body|script|iframe|object|embed|meta|svg)[\s>/]/.test(start.slice(0, 1024))) return "markup";
  return "unknown";
}

// ---- zip: the central directory ----

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
/** A little-endian 64-bit value, or Infinity when over 2^53 (no file here is that big). */
const u64 = (b: Uint8Array, at: number) => {
  const high = u32(b, at + 4);
  return high >= 0x200000 ? Infinity : high * 0x100000000 + u32(b, at);
};

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
const MAX_ZIP_ENTRIES = 100_000;

/** The entry names of a zip's central directory, or null when the directory cannot be read. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  // The end-of-central-directory record: 22 bytes, then a comment of up to 65535 bytes.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === EOCD && at + 22 + u16(bytes, at + 20) === bytes.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  let count: number = u16(bytes, eocd + 10);
  let offset: number = u32(bytes, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    // zip64: a locator just before the record points at the zip64 record with the real values.
    const locator = eocd - 20;
    if (locator < 0 || u32(bytes, locator) !== EOCD64_LOCATOR) return null;
    const record = u64(bytes, locator + 8);
    if (record + 56 > bytes.length || u32(bytes, record) !== EOCD64) return null;
    count = u64(bytes, record + 32);
    offset = u64(bytes, record + 48);
  }
  if (count > MAX_ZIP_ENTRIES) return null;
  const names: string[] = [];
  const decoder = new TextDecoder("utf-8");
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL_ENTRY) return null;
    const nameLength = u16(bytes, at + 28);
    const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (next > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at = next;
  }
  return names;
}

function sniffZip(bytes: Uint8Array): Sniffed {
  const names = zipEntryNames(bytes);
  if (!names) return { ok: false, reason: "archive" };
  const has = (name: string) => names.some((n) => n.toLowerCase() === name.toLowerCase());
  const under = (folder: string) => names.some((n) => n.startsWith(folder));
  if (has("[Content_Types].xml")) {
    const kind: FileKind | null = under("word/") ? "docx" : under("xl/") ? "xlsx" : under("ppt/") ? "pptx" : null;
    if (kind) {
      if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return { ok: false, reason: "macro" };
      return { ok: true, kind };
    }
  }
  if (has("OFD.xml")) return { ok: true, kind: "ofd" };
  if (has("META-INF/MANIFEST.MF") || has("AndroidManifest.xml") || has("classes.dex"))
    return { ok: false, reason: "executable" };
  return { ok: false, reason: "archive" };
}

// ---- OLE compound file: the directory of streams ----

const FREE_OR_END = 0xfffffffa; // sector numbers at or above this are markers, not sectors

/** The stream and storage names in an OLE compound file's directory, or null when it cannot be read. */
export function compoundEntryNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < 512) return null;
  const shift = u16(bytes, 30);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const sectorAt = (n: number) => (n + 1) * size;
  // Some writers do not pad the last sector: a sector is readable when it starts inside the file.
  const valid = (n: number) => n < FREE_OR_END && sectorAt(n) < bytes.length;

  // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const n = u32(bytes, 76 + i * 4);
    if (n < FREE_OR_END) fatSectors.push(n);
  }
  const seen = new Set<number>();
  for (let difat = u32(bytes, 68); difat < FREE_OR_END;) {
    if (!valid(difat) || seen.has(difat)) return null;
    seen.add(difat);
    const base = sectorAt(difat);
    for (let i = 0; i < size / 4 - 1; i++) {
      const n = u32(bytes, base + i * 4);
      if (n < FREE_OR_END) fatSectors.push(n);
    }
    difat = u32(bytes, base + size - 4);
  }
  const nextSector = (n: number): number => {
    const fatIndex = Math.floor(n / (size / 4));
    const fatSector = fatSectors[fatIndex];
    if (fatSector === undefined || !valid(fatSector)) return 0xfffffffe;
    return u32(bytes, sectorAt(fatSector) + (n % (size / 4)) * 4);
  };

  // The directory: a chain of sectors of 128-byte entries, each with a UTF-16 name.
  const names: string[] = [];
  const decoder = new TextDecoder("utf-16le");
  const visited = new Set<number>();
  for (let sector = u32(bytes, 48); sector < FREE_OR_END; sector = nextSector(sector)) {
    if (!valid(sector) || visited.has(sector)) return null;
    visited.add(sector);
    const base = sectorAt(sector);
    for (let entry = 0; entry < size / 128; entry++) {
      const at = base + entry * 128;
      if (at + 128 > bytes.length) break;
      const type = bytes[at + 66];
      const length = u16(bytes, at + 64);
      if (type === 0 || length < 2 || length > 64) continue; // an unused entry
      names.push(decoder.decode(bytes.subarray(at, at + length - 2)));
    }
  }
  return names;
}

function sniffCompound(bytes: Uint8Array): Sniffed {
  const names = compoundEntryNames(bytes);
  if (!names) return { ok: false, reason: "compound" };
  const has = (name: string) => names.includes(name);
  // A password-protected OOXML document is stored encrypted inside a compound file.
  if (has("EncryptedPackage")) return { ok: false, reason: "encrypted" };
  const kind: FileKind | null = has("WordDocument")
    ? "doc"
    : has("Workbook") || has("Book")
      ? "xls"
      : has("PowerPoint Document")
        ? "ppt"
        : null;
  if (!kind) return { ok: false, reason: "compound" };
  // Word keeps its macros in a "Macros" storage, Excel in "_VBA_PROJECT_CUR".
  if (has("Macros") || has("_VBA_PROJECT_CUR")) return { ok: false, reason: "macro" };
  return { ok: true, kind };
}

// ---- the name and the content together ----

/** The lower-case ending of a file name after its last dot ("" when it has none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot <= 0 || dot === fileName.length - 1 ? "" : fileName.slice(dot + 1).toLowerCase();
}

export type EvidenceVerdict =
  | { ok: true; kind: FileKind; mediaType: string }
  | { ok: false; reason: ContentRefusal }
  /** the content is fine, but the name has no ending or one of another family (a PDF named x.docx) */
  | { ok: false; reason: "noExtension" | "mismatch"; kind: FileKind; extension: string };

/**
 * Whether `bytes` may be kept as evidence under `fileName`: the content must be an accepted kind, and the
 * name's ending one of that kind's family (so what a person downloads opens in the program its name says).
 */
export function checkEvidenceFile(fileName: string, bytes: Uint8Array): EvidenceVerdict {
  const sniffed = sniffContent(bytes);
  if (!sniffed.ok) return sniffed;
  const { kind } = sniffed;
  const extension = extensionOf(fileName);
  if (extension === "") return { ok: false, reason: "noExtension", kind, extension };
  const family = FILE_KINDS[kind].family;
  const agrees = Object.values(FILE_KINDS).some((k) => k.family === family && k.extensions.includes(extension));
  if (!agrees) return { ok: false, reason: "mismatch", kind, extension };
  return { ok: true, kind, mediaType: FILE_KINDS[kind].mediaType };
}

/** The kind a stored media type was decided as (null for one this module does not produce). */
export function kindOfMediaType(mediaType: string): FileKind | null {
  const found = (Object.entries(FILE_KINDS) as [FileKind, KindInfo][]).find(([, k]) => k.mediaType === mediaType);
  return found ? found[0] : null;
}
