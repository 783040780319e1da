// Reads an uploaded items file (XLSX or CSV in exactly the export's item columns, lib/report/item-columns.ts)
// into validated rows. Nothing here touches the database: every problem that can be seen from the file alone
// (type, size, encoding, columns, formulas, values, duplicates) is found here, each naming its row as Excel
// shows it (header = row 1) and its column by the file's own header text.
import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { CsvError, parse as parseCsv } from "csv-parse/sync";
import { ITEM_COLUMNS, type ItemColumn } from "../report/item-columns";
import {
  IMPORT_CELL_MAX,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  importRowSchema,
  type ImportRowValues,
} from "../validations/import";
import { isoDay } from "../dates";
import type { ImportProblem } from "./types";

export type ColumnKey = ItemColumn["key"];
export type HeaderLanguage = "zh" | "en";

export interface UploadedFile {
  name: string;
  /** the browser's declared MIME type: informative only (Windows calls a CSV application/vnd.ms-excel) */
  type: string;
  bytes: Buffer;
}

export interface ParsedRow {
  /** row number as Excel shows it */
  row: number;
  values: ImportRowValues;
  /** cell text per column key, as written in the file (for "not imported" warnings on read-only columns) */
  raw: Record<ColumnKey, string>;
}

export interface ParsedFile {
  kind: "xlsx" | "csv";
  hash: string;
  language: HeaderLanguage;
  /** header text per column key, as the file writes it */
  headers: Record<ColumnKey, string>;
  /** columns the file does not have (an export from before they existed): the import leaves them unchanged */
  absent: ColumnKey[];
  rows: ParsedRow[];
  problems: ImportProblem[];
}

/** A cell as read from the file: text, or a formula (refused: an import must carry values, not formulas). */
type Cell = { text: string } | { formula: true };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
/** What spreadsheet programs execute at the start of a cell (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)%?$/;

export const sha256 = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

const problem = (
  row: number | null,
  column: string | null,
  message: string,
  values?: ImportProblem["values"],
): ImportProblem => (values ? { row, column, message, values } : { row, column, message });

function extension(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

function headerOf(column: ItemColumn, language: HeaderLanguage): string {
  return language === "zh" ? column.zh : column.en;
}

// Full-width brackets (what a Chinese input method types) are the same header as ASCII ones: 总投资（万元）.
const norm = (s: string) =>
  s
    .replace(/^\uFEFF/, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/\s*([()])\s*/g, "$1")
    .trim()
    .toLowerCase();

/**
 * Columns added to the export after files were already out there, all together: a file exported before
 * them (without any of the four investment columns) still imports, and leaves those items' investment as it is.
 */
const LATER_COLUMNS: ReadonlySet<ColumnKey> = new Set<ColumnKey>([
  "totalInvestment",
  "plannedInvestment",
  "completedInvestment",
  "investmentRate",
]);
const EARLIER_COLUMNS = ITEM_COLUMNS.filter((c) => !LATER_COLUMNS.has(c.key));

/** The columns a header row is laid out in: today's export's, or an earlier export's without the later ones. */
function layoutOf(actual: string[]): readonly ItemColumn[] {
  const has = (c: ItemColumn) => actual.some((h) => norm(h) === norm(c.zh) || norm(h) === norm(c.en));
  return ITEM_COLUMNS.some((c) => LATER_COLUMNS.has(c.key) && has(c)) ? ITEM_COLUMNS : EARLIER_COLUMNS;
}

/** The header row's problems (missing, extra, repeated or reordered columns), or its language when it is right. */
function checkHeaders(
  actual: string[],
  row: number,
  layout: readonly ItemColumn[],
): { language: HeaderLanguage; problems: ImportProblem[] } {
  const zhHits = actual.filter((h) => ITEM_COLUMNS.some((c) => norm(c.zh) === norm(h))).length;
  const enHits = actual.filter((h) => ITEM_COLUMNS.some((c) => norm(c.en) === norm(h))).length;
  const language: HeaderLanguage = zhHits >= enHits ? "zh" : "en";
  const expected = layout.map((c) => headerOf(c, language));
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  actual.forEach((h, i) => {
    if (h.trim() === "") problems.push(problem(row, null, "import.problems.blankHeader", { position: i + 1 }));
    else if (!expected.some((e) => norm(e) === norm(h))) problems.push(problem(row, h, "import.problems.extraColumn"));
    else if (seen.has(norm(h))) problems.push(problem(row, h, "import.problems.repeatedColumn"));
    seen.add(norm(h));
  });
  for (const e of expected)
    if (!actual.some((h) => norm(h) === norm(e))) problems.push(problem(row, e, "import.problems.missingColumn"));
  if (problems.length === 0) {
    actual.forEach((h, i) => {
      if (norm(h) !== norm(expected[i]!))
        problems.push(problem(row, h, "import.problems.columnOrder", { position: i + 1, expected: expected[i]! }));
    });
  }
  return { language, problems };
}

function cellText(cell: Cell): string | null {
  return "text" in cell ? cell.text : null;
}

/** Turns the cells of one data row into validated values, or problems naming the row and column. */
function readRow(
  cells: Cell[],
  row: number,
  kind: "xlsx" | "csv",
  layout: readonly ItemColumn[],
  headers: string[],
  problems: ImportProblem[],
): ParsedRow | null {
  const before = problems.length;
  // A column the file lacks reads as blank; the plan keeps the item's own value for it (ParsedFile.absent).
  const raw = Object.fromEntries(ITEM_COLUMNS.map((c) => [c.key, ""])) as Record<ColumnKey, string>;
  layout.forEach((column, i) => {
    const cell = cells[i] ?? { text: "" };
    const header = headers[i]!;
    let text = cellText(cell);
    if (text === null) {
      problems.push(problem(row, header, "import.problems.formula"));
      return;
    }
    if (kind === "csv") {
      // The export writes text that looks like a formula with a leading apostrophe; undo exactly that.
      if (text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1))) text = text.slice(1);
      else if (FORMULA_START.test(text) && !NUMBER.test(text.trim())) {
        problems.push(problem(row, header, "import.problems.formula"));
        return;
      }
    }
    if (text.length > IMPORT_CELL_MAX) {
      problems.push(problem(row, header, "validation.tooLong", { max: IMPORT_CELL_MAX }));
      return;
    }
    raw[column.key] = text;
  });
  for (let i = layout.length; i < cells.length; i++) {
    const text = cellText(cells[i]!);
    if (text === null || text.trim() !== "")
      problems.push(problem(row, null, "import.problems.extraCell", { position: i + 1 }));
  }
  if (problems.length > before) return null;

  const parsed = importRowSchema.safeParse(raw);
  if (!parsed.success) {
    const reported = new Set<string>();
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      const index = layout.findIndex((c) => c.key === key);
      if (reported.has(key)) continue;
      reported.add(key);
      const max = issue.code === "too_big" ? Number(issue.maximum) : undefined;
      problems.push(
        problem(row, index >= 0 ? headers[index]! : null, issue.message, max !== undefined ? { max } : undefined),
      );
    }
    return null;
  }
  return { row, values: parsed.data, raw };
}

/** Header row plus data rows (with their Excel row numbers) → validated rows and problems. */
function readTable(
  kind: "xlsx" | "csv",
  hash: string,
  headerRow: number,
  header: string[],
  data: { row: number; cells: Cell[] }[],
): ParsedFile | ImportProblem[] {
  // Trailing blank header cells are an artefact of spreadsheets, not columns.
  while (header.length > 0 && header[header.length - 1]!.trim() === "") header.pop();
  const layout = layoutOf(header);
  const { language, problems } = checkHeaders(header, headerRow, layout);
  if (problems.length > 0) return problems;
  const rowsWithData = data.filter((d) => d.cells.some((c) => cellText(c) === null || cellText(c)!.trim() !== ""));
  if (rowsWithData.length === 0) return [problem(null, null, "import.problems.noRows")];
  if (rowsWithData.length > IMPORT_MAX_ROWS)
    return [problem(null, null, "import.problems.tooManyRows", { max: IMPORT_MAX_ROWS })];

  const headers = layout.map((_, i) => header[i]!);
  const out: ParsedRow[] = [];
  const found: ImportProblem[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of rowsWithData) {
    const parsed = readRow(cells, row, kind, layout, headers, found);
    if (!parsed) continue;
    const code = parsed.values.code;
    const first = firstRowOf.get(code.toLowerCase());
    if (first !== undefined) {
      found.push(problem(row, headers[0]!, "import.problems.duplicateRow", { code, first }));
      continue;
    }
    firstRowOf.set(code.toLowerCase(), row);
    out.push(parsed);
  }
  // A column the file lacks is still named (in the file's language) should a message need it.
  const headerByKey = Object.fromEntries(
    ITEM_COLUMNS.map((c) => [c.key, headers[layout.indexOf(c)] ?? headerOf(c, language)]),
  ) as Record<ColumnKey, string>;
  const absent = ITEM_COLUMNS.filter((c) => !layout.includes(c)).map((c) => c.key);
  return { kind, hash, language, headers: headerByKey, absent, rows: out, problems: found };
}

const DATE_KEYS = new Set<ColumnKey>(["startDate", "dueDate", "originalDueDate"]);
const AMOUNT_KEYS = new Set<ColumnKey>(["totalInvestment", "plannedInvestment", "completedInvestment"]);

/**
 * A number cell of an amount column as the decimal text the amount parser judges: the double's shortest
 * decimal form (what the export wrote, and what Excel stores for a typed amount). A huge number is spelled
 * out in digits so it is refused as too large rather than as an exponent; a tiny one keeps its exponent.
 */
function amountText(value: number): string {
  const text = String(value);
  return /e/i.test(text) && Math.abs(value) >= 1 ? BigInt(value).toString() : text;
}

function xlsxCell(cell: ExcelJS.Cell, key: ColumnKey | undefined): Cell {
  const value = cell.value;
  if (
    cell.type === ExcelJS.ValueType.Formula ||
    (value !== null && typeof value === "object" && ("formula" in value || "sharedFormula" in value))
  ) {
    return { formula: true };
  }
  if (value === null || value === undefined) return { text: "" };
  if (value instanceof Date) return { text: key && DATE_KEYS.has(key) ? isoDay(value) : value.toISOString() };
  if (typeof value === "number") {
    // The export stores progress as a fraction shown with a percent format; read it back as 0–100.
    if (key === "reportedProgress" && /%/.test(cell.numFmt ?? ""))
      return { text: String(Math.round(value * 100 * 1e6) / 1e6) };
    if (key && AMOUNT_KEYS.has(key)) return { text: amountText(value) };
    return { text: String(value) };
  }
  if (typeof value === "string") return { text: value };
  if (typeof value === "boolean") return { text: String(value) };
  if ("richText" in value) return { text: value.richText.map((r) => r.text).join("") };
  if ("text" in value && typeof value.text === "string") return { text: value.text };
  if ("error" in value) return { text: String(value.error) };
  return { text: String(cell.text ?? "") };
}

/** The sheet holding the items: the one whose header row (within its first rows) matches ITEM_COLUMNS best. */
function findItemsSheet(
  workbook: ExcelJS.Workbook,
): { sheet: ExcelJS.Worksheet; headerRow: number; score: number } | null {
  let best: { sheet: ExcelJS.Worksheet; headerRow: number; score: number } | null = null;
  workbook.eachSheet((sheet) => {
    for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
      const row = sheet.getRow(r);
      const texts: string[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, ITEM_COLUMNS.length); c++)
        texts.push(norm(row.getCell(c).text ?? ""));
      const score = texts.filter((t) => ITEM_COLUMNS.some((col) => norm(col.zh) === t || norm(col.en) === t)).length;
      const first = ITEM_COLUMNS[0]!;
      if (
        score > 0 &&
        (texts.includes(norm(first.zh)) || texts.includes(norm(first.en))) &&
        (!best || score > best.score)
      )
        best = { sheet, headerRow: r, score };
    }
  });
  return best;
}

async function readXlsx(bytes: Buffer, hash: string): Promise<ParsedFile | ImportProblem[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return [problem(null, null, "import.problems.unreadableXlsx")];
  }
  const found = findItemsSheet(workbook);
  if (!found) return [problem(null, null, "import.problems.noItemsSheet")];
  const { sheet, headerRow } = found;
  const headerCells = sheet.getRow(headerRow);
  const header: string[] = [];
  for (let c = 1; c <= headerCells.cellCount; c++) header.push(headerCells.getCell(c).text ?? "");
  const layout = layoutOf(header);
  const data: { row: number; cells: Cell[] }[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, layout.length); c++)
      cells.push(xlsxCell(row.getCell(c), layout[c - 1]?.key));
    data.push({ row: r, cells });
  }
  return readTable("xlsx", hash, headerRow, header, data);
}

function readCsv(bytes: Buffer, hash: string): ParsedFile | ImportProblem[] {
  let text: string;
  try {
    // fatal: a GBK/ANSI file (what older Excel writes for "CSV") must be refused, not read as mojibake.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return [problem(null, null, "import.problems.notUtf8")];
  }
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const line = error instanceof CsvError && typeof error.lines === "number" ? error.lines : null;
    return [problem(line, null, "import.problems.csvSyntax")];
  }
  if (records.length === 0) return [problem(null, null, "import.problems.empty")];
  const [header, ...rest] = records;
  return readTable(
    "csv",
    hash,
    1,
    [...header!],
    rest.map((cells, i) => ({ row: i + 2, cells: cells.map((text) => ({ text })) })),
  );
}

/** Checks the file's size, type and encoding, then reads its items sheet or CSV into validated rows. */
export async function parseImportFile(
  file: UploadedFile,
): Promise<ParsedFile | { problems: ImportProblem[]; hash: string }> {
  const hash = sha256(file.bytes);
  const fail = (p: ImportProblem[]) => ({ problems: p, hash });
  if (file.bytes.length === 0) return fail([problem(null, null, "import.problems.empty")]);
  if (file.bytes.length > IMPORT_MAX_BYTES)
    return fail([problem(null, null, "import.problems.tooLarge", { max: IMPORT_MAX_BYTES / 1024 / 1024 })]);
  const ext = extension(file.name);
  const zip = file.bytes.subarray(0, 4).equals(ZIP_MAGIC);
  let result: ParsedFile | ImportProblem[];
  if (ext === "xlsx") {
    if (!zip) return fail([problem(null, null, "import.problems.notXlsx")]);
    result = await readXlsx(file.bytes, hash);
  } else if (ext === "csv") {
    const head = file.bytes.subarray(0, 8192);
    // A NUL anywhere (not only in the sniffed head): PostgreSQL text cannot store it, so the apply would fail.
    if (zip || head.subarray(0, 4).equals(OLE_MAGIC) || file.bytes.includes(0))
      return fail([problem(null, null, "import.problems.notCsv")]);
    result = readCsv(file.bytes, hash);
  } else {
    return fail([problem(null, null, "import.problems.wrongType", { name: file.name })]);
  }
  return Array.isArray(result) ? fail(result) : result;
}

export function isParsed(result: Awaited<ReturnType<typeof parseImportFile>>): result is ParsedFile {
  return "rows" in result;
}
