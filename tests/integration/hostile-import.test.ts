// Hostile and malformed import files (issue 7, part 4) through the import page's two actions, previewImport and
// applyImport (with the file's own hash, as the form sends it), as an editor of one unit. fast-check builds
// (1) the unit's real export with one or two cells made bad — out-of-range progress and dates, unknown
// statuses, broken versions, oversize text, formulas, other units' items, stale versions — and script, markup
// and SQL in the other cells, as CSV or XLSX under a declared content type that may be wrong; (2) files broken
// as a whole: random bytes under any name, invalid UTF-8, truncated workbooks, a workbook called .csv, a CSV
// called .xlsx, wrong/missing/repeated columns, extra cells, too many rows, NUL bytes, files over the size
// limit. Every file must be refused by both steps with problems from the catalogue (a cell problem naming the
// row it is on), and the database must not change.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportPlan } from "../../lib/import/types";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "../../lib/validations/import";
import { ITEM_COLUMNS } from "../../lib/report/item-columns";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { signIn } from "../support/session";
import { unclearRefusal } from "../support/hostile/clear-failure";
import { checksum, quickFingerprint } from "../support/hostile/db-checksum";
import { BAD_DATES, hostileText, markupText, oversize, SCRIPTS, SQL_FRAGMENTS } from "../support/hostile/values";
import { csvOf, exportedItems, fileForm, headers, rowOf, xlsxOf, type Row } from "../support/import-files";

const CELL_RUNS = 500;
const WHOLE_FILE_RUNS = 1200;

type Actions = typeof import("../../lib/actions/import");
type Result = { ok?: boolean; code?: string; plan?: ImportPlan };

let t: TestDatabase;
let actions: Actions;
/** the editor's unit's export rows, and rows of items the unit has no part in */
let own: Row[];
let foreign: Row[];
let validCsv: Buffer;
let validXlsx: Buffer;
const counts = { cellFiles: 0, wholeFiles: 0, calls: 0 };

const hashOf = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** Both steps refuse; returns the problems of each, or what is wrong with the answers. */
async function refusedBoth(
  bytes: Buffer,
  name: string,
  type: string,
): Promise<{ problems: string[]; errors: NonNullable<ImportPlan["errors"]> }> {
  const problems: string[] = [];
  const preview = (await actions.previewImport(null, fileForm(bytes, name, {}, type))) as Result;
  const apply = (await actions.applyImport(null, fileForm(bytes, name, { fileHash: hashOf(bytes) }, type))) as Result;
  counts.calls += 2;
  for (const [step, result] of [
    ["preview", preview],
    ["apply", apply],
  ] as const) {
    for (const p of unclearRefusal(result)) problems.push(`${step}: ${p}`);
  }
  return { problems, errors: preview.plan?.errors ?? [] };
}

beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
  process.env.DATABASE_URL = t.url;
  actions = await import("../../lib/actions/import");
  // An editor whose unit leads several items, and the items of the unit leading most of the others.
  const units = await t.db.item.groupBy({
    by: ["leadUnitId"],
    where: { level: "ACTION", retiredAt: null, leadUnit: { users: { some: { role: "EDITOR", disabled: false } } } },
    _count: true,
    orderBy: { _count: { id: "desc" } },
  });
  const [mine, theirs] = units.map((u) => u.leadUnitId!);
  const editor = await t.db.user.findFirstOrThrow({ where: { role: "EDITOR", disabled: false, unitId: mine } });
  signIn(editor);
  own = (await exportedItems(t.db, { kind: "unit", unitId: mine! }))
    .filter((i) => i.level === "ACTION")
    .map((i) => rowOf(i));
  const outside = await t.db.item.findMany({
    where: {
      leadUnitId: theirs,
      OR: [{ coLeadUnitId: null }, { coLeadUnitId: { not: mine } }],
      supportingUnits: { none: { unitId: mine! } },
    },
    select: { code: true },
  });
  const outsideCodes = new Set(outside.map((i) => i.code));
  foreign = (await exportedItems(t.db, { kind: "unit", unitId: theirs! }))
    .filter((i) => i.level === "ACTION" && outsideCodes.has(i.code))
    .map((i) => rowOf(i));
  expect(own.length).toBeGreaterThan(2);
  expect(foreign.length).toBeGreaterThan(0);
  validCsv = csvOf(own);
  validXlsx = await xlsxOf(own);
});

afterAll(async () => {
  console.log(
    `hostile import: ${counts.cellFiles + counts.wholeFiles} bad files (${counts.cellFiles} with bad cells, ${counts.wholeFiles} broken as a whole), ${counts.calls} action calls`,
  );
  await t?.drop();
});

/** One bad cell: the column it is in and how the row is changed. Every value is wrong for its column. */
type Corruption = { column: string; apply: (row: Row) => Row; foreignRow?: boolean };
const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc
    .constantFrom("NOPE", "in progress?", ...SCRIPTS, ...SQL_FRAGMENTS)
    .map((v) => ({ column: "status", apply: (r: Row) => ({ ...r, status: v }) })),
  fc
    .constantFrom("PURPLE", "绿绿", ...SCRIPTS)
    .map((v) => ({ column: "confidence", apply: (r: Row) => ({ ...r, confidence: v }) })),
  fc
    .constantFrom("-1", "101", "abc", "1e309", "50.5", "NaN", "Infinity", "１２", "99999999999999999999")
    .map((v) => ({ column: "reportedProgress", apply: (r: Row) => ({ ...r, reportedProgress: v }) })),
  fc
    .tuple(
      fc.constantFrom("startDate", "dueDate"),
      fc.constantFrom<string | Date>(
        ...BAD_DATES.filter((d) => d !== "2026-1-1"),
        new Date("1970-01-01"),
        new Date("9999-12-31"),
      ),
    )
    .map(([key, v]) => ({ column: key, apply: (r: Row) => ({ ...r, [key]: v }) })),
  fc
    .constantFrom("abc", "-1", "0", "1.5", "", "9999999999", ...SQL_FRAGMENTS)
    .map((v) => ({ column: "version", apply: (r: Row) => ({ ...r, version: v }) })),
  fc
    .constantFrom("", "9.99.999", "x".repeat(51), ...SCRIPTS, ...SQL_FRAGMENTS)
    .map((v) => ({ column: "code", apply: (r: Row) => ({ ...r, code: v }) })),
  fc
    .oneof(oversize(101), oversize(2001), oversize(100_000))
    .map((v) => ({ column: "responsiblePerson", apply: (r: Row) => ({ ...r, responsiblePerson: v }) })),
  oversize(501).map((v) => ({ column: "changeNote", apply: (r: Row) => ({ ...r, changeNote: v }) })),
  // An item saved since the export (its version moved on), changed in the file: a conflict.
  markupText.map((v) => ({
    column: "version",
    apply: (r: Row) => ({ ...r, version: Number(r.version) + 1, responsiblePerson: v.slice(0, 100) }),
  })),
  // Another unit's item, changed in the file: outside the editor's units.
  markupText.map((v) => ({
    column: "code",
    foreignRow: true,
    apply: (r: Row) => ({ ...r, responsiblePerson: v.slice(0, 100) }),
  })),
);
/** Formula text (CSV) or a formula cell (XLSX) in any column. */
const formula = fc.tuple(
  fc.integer({ min: 0, max: ITEM_COLUMNS.length - 1 }),
  fc.constantFrom("=1+1", '=HYPERLINK("http://evil.example")', "@SUM(A1:A2)", "+cmd|' /C calc'!A0", "-1+2"),
);

/** Acceptable hostile text in the cells that may hold any text (changed title/unit cells are only warned about). */
// (NUL bytes are left out here: a CSV holding one is refused as a whole, which the second test covers.)
const cellText = hostileText.map((s) => s.replaceAll("\u0000", ""));
const noise = fc.record({
  responsiblePerson: fc.option(
    cellText.map((s) => s.slice(0, 100)),
    { nil: undefined },
  ),
  title: fc.option(markupText, { nil: undefined }),
  leadUnit: fc.option(cellText, { nil: undefined }),
});

const contentType = fc.constantFrom(
  "",
  "text/csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "image/png",
  "text/html",
  "application/x-msdownload",
  "application/octet-stream",
);

describe("hostile import files", () => {
  it("refuses files with bad cells, naming the row, whatever else the file holds, and writes nothing", async () => {
    const before = await checksum(t.db);
    const quick = await quickFingerprint(t.db);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("csv", "xlsx"),
        fc.shuffledSubarray(own, { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), corruption), { minLength: 1, maxLength: 2 }),
        fc.array(noise, { maxLength: 4 }),
        fc.option(formula, { nil: undefined }),
        contentType,
        async (format, picked, bad, noisy, formulaCell, type) => {
          counts.cellFiles++;
          const rows: Row[] = picked.map((r, i) => ({
            ...r,
            ...(Object.fromEntries(Object.entries(noisy[i] ?? {}).filter(([, v]) => v !== undefined)) as Row),
          }));
          const badRows = new Set<number>();
          for (const [at, c] of bad) {
            const index = at % rows.length;
            const base = c.foreignRow ? foreign[at % foreign.length]! : rows[index]!;
            rows[index] = c.apply(base);
            badRows.add(index + 2);
          }
          let bytes: Buffer;
          if (format === "csv") {
            // rawCells: the cell text exactly as generated (no apostrophe before formula-looking text).
            const cells: Row[] = rows.map((r) => ({
              ...r,
              ...(formulaCell ? { [ITEM_COLUMNS[formulaCell[0]]!.key]: formulaCell[1] } : {}),
            }));
            bytes = csvOf(
              cells.map(
                (r) =>
                  Object.fromEntries(
                    Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : v]),
                  ) as Row,
              ),
              { rawCells: true },
            );
          } else {
            bytes = await xlsxOf(rows, {
              raw: (ws) =>
                formulaCell && (ws.getRow(2).getCell(formulaCell[0] + 1).value = { formula: "1+1", result: 2 }),
            });
          }
          const { problems, errors } = await refusedBoth(bytes, `hostile.${format}`, type);
          const rowsNamed = new Set(errors.map((e) => e.row));
          if (![...badRows].some((r) => rowsNamed.has(r)))
            problems.push(
              `no problem names a bad row ${[...badRows].join(",")}: ${JSON.stringify(errors).slice(0, 400)}`,
            );
          if ((await quickFingerprint(t.db)) !== quick) problems.push("the database changed");
          if (problems.length > 0)
            throw new Error(`${format} file, bad ${bad.map(([, c]) => c.column).join("+")}: ${problems.join("; ")}`);
        },
      ),
      { numRuns: CELL_RUNS },
    );
    expect(await checksum(t.db)).toEqual(before);
  }, 300_000);

  it("refuses files broken as a whole (bytes, encoding, layout, size) and writes nothing", async () => {
    const header = headers("zh");
    const oversized = Buffer.concat([validCsv, Buffer.alloc(IMPORT_MAX_BYTES + 1 - validCsv.length, 0x41)]);
    const manyRows = csvOf(
      Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => ({ ...own[0]!, code: `${own[0]!.code}-${i}` })),
    );
    const invalidUtf8 = fc
      .tuple(
        fc.nat(),
        fc.constantFrom(
          [0xff],
          [0xc3, 0x28],
          [0xed, 0xa0, 0x80],
          [0xc0, 0xaf],
          [0xf8, 0x88, 0x80, 0x80, 0x80],
          [0xe6, 0xb5],
        ),
      )
      .map(([at, seq]) => {
        // Inside a data row (after the BOM and header), where a spreadsheet cell would be.
        const start = validCsv.indexOf(0x0a) + 1;
        const pos = start + (at % (validCsv.length - start));
        return Buffer.concat([validCsv.subarray(0, pos), Buffer.from(seq), validCsv.subarray(pos)]);
      });
    const layouts = fc.oneof(
      fc.nat({ max: header.length - 1 }).map((i) => header.filter((_, j) => j !== i)),
      fc
        .tuple(fc.nat({ max: header.length - 1 }), fc.constantFrom(...SCRIPTS, ...SQL_FRAGMENTS, ""))
        .map(([i, v]) => header.map((h, j) => (j === i ? v : h))),
      fc
        .nat({ max: header.length - 2 })
        .map((i) => header.map((h, j) => (j === i ? header[i + 1]! : j === i + 1 ? header[i]! : h))),
      fc.nat({ max: header.length - 1 }).map((i) => [...header, header[i]!]),
      fc.constantFrom(...SCRIPTS).map((s) => [...header, s]),
    );
    const file = fc.oneof(
      fc
        .tuple(
          fc.uint8Array({ minLength: 1, maxLength: 5000 }),
          fc.constantFrom("x.csv", "x.xlsx", "x.CSV", "x.txt", "x.exe", "x", "<script>.csv"),
        )
        .map(([b, name]) => ({ what: "random bytes", bytes: Buffer.from(b), name })),
      invalidUtf8.map((bytes) => ({ what: "invalid UTF-8", bytes, name: "x.csv" })),
      fc
        .integer({ min: 4, max: validXlsx.length - 1 })
        .map((n) => ({ what: "truncated workbook", bytes: validXlsx.subarray(0, n), name: "x.xlsx" })),
      fc.constant({ what: "workbook called .csv", bytes: validXlsx, name: "x.csv" }),
      fc.constant({ what: "CSV called .xlsx", bytes: validCsv, name: "x.xlsx" }),
      fc.constant({ what: "CSV called .txt", bytes: validCsv, name: "x.txt" }),
      fc
        .constantFrom("csv", "xlsx")
        .chain((f) => layouts.map((h) => ({ f, h })))
        .chain(({ f, h }) =>
          fc.constant(null).map(() => ({
            what: `bad header (${f})`,
            bytes: f === "csv" ? csvOf(own, { header: h }) : Buffer.alloc(0),
            name: `x.${f}`,
            header: h,
          })),
        ),
      fc
        .tuple(
          fc.nat(),
          hostileText.filter((s) => s.trim() !== ""),
        )
        .map(([at, v]) => {
          const lines = validCsv.toString("utf8").split("\r\n");
          const i = 1 + (at % (lines.length - 2));
          lines[i] = `${lines[i]},"${v.replace(/"/g, '""')}"`;
          return { what: "extra cell", bytes: Buffer.from(lines.join("\r\n")), name: "x.csv" };
        }),
      fc.constantFrom(
        { what: "empty", bytes: Buffer.alloc(0), name: "x.csv" },
        { what: "BOM only", bytes: Buffer.from("\uFEFF"), name: "x.csv" },
        { what: "header only", bytes: csvOf([]), name: "x.csv" },
        { what: "too many rows", bytes: manyRows, name: "x.csv" },
        { what: "over the size limit", bytes: oversized, name: "x.csv" },
        {
          what: "NUL bytes",
          bytes: Buffer.concat([validCsv.subarray(0, 200), Buffer.from([0, 0]), validCsv.subarray(200)]),
          name: "x.csv",
        },
        { what: "UTF-16", bytes: Buffer.from(`\uFEFF${validCsv.toString("utf8")}`, "utf16le"), name: "x.csv" },
        { what: "unterminated quote", bytes: Buffer.from(`${validCsv.toString("utf8")}"unterminated,`), name: "x.csv" },
      ),
    );
    const before = await checksum(t.db);
    const quick = await quickFingerprint(t.db);
    await fc.assert(
      fc.asyncProperty(file, contentType, async (f, type) => {
        counts.wholeFiles++;
        const bytes = "header" in f && f.name.endsWith(".xlsx") ? await xlsxOf(own, { header: f.header }) : f.bytes;
        const { problems, errors } = await refusedBoth(bytes, f.name, type);
        if (errors.length === 0 && !problems.some((p) => p.startsWith("preview")))
          problems.push("refused without naming a problem");
        if ((await quickFingerprint(t.db)) !== quick) problems.push("the database changed");
        if (problems.length > 0)
          throw new Error(
            `${f.what} (${f.name}, ${bytes.length} B, type ${JSON.stringify(type)}): ${problems.join("; ")}`,
          );
      }),
      { numRuns: WHOLE_FILE_RUNS },
    );
    expect(await checksum(t.db)).toEqual(before);
  }, 300_000);

  it("refuses a CSV with a NUL byte beyond the first 8 KB (PostgreSQL text cannot hold it) before the apply fails", async () => {
    // Long (read-only, only warned about) titles push the NUL past the part of the file sniffed for binary content.
    const rows = own.map((r, i) => ({
      ...r,
      title: "标题".repeat(900),
      ...(i === own.length - 1 && { responsiblePerson: "张\u0000三" }),
    }));
    const bytes = csvOf(rows);
    expect(bytes.indexOf(0)).toBeGreaterThan(8192);
    const before = await checksum(t.db);
    const preview = (await actions.previewImport(null, fileForm(bytes, "nul.csv"))) as Result;
    const apply = (await actions.applyImport(null, fileForm(bytes, "nul.csv", { fileHash: hashOf(bytes) }))) as Result;
    for (const result of [preview, apply])
      expect(unclearRefusal(result), JSON.stringify(result).slice(0, 300)).toEqual([]);
    expect(await checksum(t.db)).toEqual(before);
  });

  it("accepts the untouched export (the refusals above came from the bad parts)", async () => {
    for (const [bytes, name] of [
      [validCsv, "ok.csv"],
      [validXlsx, "ok.xlsx"],
    ] as const) {
      const preview = (await actions.previewImport(null, fileForm(bytes, name))) as Result;
      expect(preview, name).toMatchObject({ ok: true });
    }
  });
});
