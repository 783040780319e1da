// Import of an items file (issue 5 parts 3 and 4), called as the page's forms call it, against a real seeded
// database. Round trip: the real export (lib/export/xlsx.ts, csv.ts) → change three cells → the dry run lists
// exactly those three → apply writes exactly those three with history. Every bad file is refused with its row
// and column named, and leaves the database byte-for-byte as it was.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportPlan, ImportProblem } from "../../lib/import/types";
import { changeItem } from "../../lib/writes/item-change";
import { approve, reportContent, saveDraft } from "../../lib/writes/reports";
import { ITEM_COLUMNS } from "../../lib/report/item-columns";
import zhCommonMessages from "../../lib/i18n/messages/zh-CN/common.json";
import { retireTreeItem } from "../../lib/writes/item-tree";
import type { ReportItem } from "../../lib/report/types";
import { IMPORT_MAX_BYTES } from "../../lib/validations/import";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { sampleStaff, testAccount, type TestAccount as Account } from "../support/actors";
import { outsideUnit } from "../support/unit-scope";
import { signIn, signOut } from "../support/session";
import { renderCsv } from "../../lib/export/csv";
import { renderXlsx } from "../../lib/export/xlsx";
import {
  csvOf,
  editCsv,
  editXlsx,
  exportedItems,
  exportedReport,
  fileForm,
  headers,
  rowOf,
  xlsxOf,
  type CellEdit,
  type Lang,
  type Row,
} from "../support/import-files";

type Actions = typeof import("../../lib/actions/import");
type Result = {
  ok: boolean;
  code?: string;
  message?: string;
  plan?: ImportPlan;
  data?: { plan?: ImportPlan; changed?: { code: string; cells: number }[]; unchanged?: number };
};
let t: TestDatabase;
let actions: Actions;
let editor: Account;
let viewer: Account;
let admin: Account;
/** the joint office's coordinator: reviews both sides */
let coordinator: Account;
/** the editor's unit's export: every item the unit leads */
let unitId: number;

const as = (a: Account | null) => (a ? signIn(a) : signOut());
const hashOf = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** Everything an import could write: row counts, every item's version, and an md5 of the items rows. */
async function fingerprint(): Promise<string> {
  const [row] = await t.db.$queryRaw<Record<string, unknown>[]>`
    SELECT (SELECT count(*) FROM items) AS items, (SELECT count(*) FROM item_history) AS history,
           (SELECT count(*) FROM progress_updates) AS updates,
           (SELECT string_agg(id || ':' || version, ',' ORDER BY id) FROM items) AS versions,
           (SELECT md5(string_agg(i::text, '|' ORDER BY i.id)) FROM items i) AS items_md5`;
  return JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? String(v) : v));
}

async function versions(): Promise<Map<number, number>> {
  return new Map((await t.db.item.findMany({ select: { id: true, version: true } })).map((i) => [i.id, i.version]));
}

async function preview(bytes: Buffer, name: string): Promise<Result> {
  return (await actions.previewImport(null, fileForm(bytes, name))) as Result;
}
async function apply(bytes: Buffer, name: string, hash = hashOf(bytes)): Promise<Result> {
  return (await actions.applyImport(null, fileForm(bytes, name, { fileHash: hash }))) as Result;
}

/** Both steps refuse the file, name the expected problems, and write nothing. */
async function expectRefused(
  bytes: Buffer,
  name: string,
  expected: Partial<ImportProblem>[],
  code = "invalid",
): Promise<ImportProblem[]> {
  const before = await fingerprint();
  const previewed = await preview(bytes, name);
  const applied = await apply(bytes, name);
  expect(await fingerprint()).toBe(before);
  for (const result of [previewed, applied]) {
    expect(result).toMatchObject({ ok: false, code });
    for (const p of expected)
      expect(result.plan?.errors, JSON.stringify(result.plan?.errors)).toContainEqual(expect.objectContaining(p));
  }
  return previewed.plan!.errors;
}

let items: ReportItem[];
let rows: Row[];
/** file row (as Excel numbers it) of an item code */
const rowNumber = (code: string) => rows.findIndex((r) => r.code === code) + 2;

/** item id by code */
let idOf = new Map<string, number>();

async function freshExport(lang: Lang = "zh"): Promise<void> {
  items = await exportedItems(t.db, { kind: "unit", unitId }, lang);
  rows = items.map((i) => rowOf(i, lang));
  idOf = new Map((await t.db.item.findMany({ select: { id: true, code: true } })).map((i) => [i.code, i.id]));
}

/** Three different open action items led by the unit whose status allows a free progress value. */
function pickThree(): [ReportItem, ReportItem, ReportItem] {
  const open = items.filter(
    (i) => i.level === "ACTION" && !["COMPLETED", "NOT_STARTED"].includes(i.status) && i.dueDate !== null,
  );
  expect(open.length).toBeGreaterThanOrEqual(3);
  return [open[0]!, open[1]!, open[2]!];
}

beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
  process.env.DATABASE_URL = t.url;
  actions = await import("../../lib/actions/import");
  // An editor whose unit leads at least three open action items with due dates.
  for (const e of await t.db.user.findMany({ where: { role: "EDITOR", disabled: false }, orderBy: { id: "asc" } })) {
    const n = await t.db.item.count({
      where: {
        leadUnitId: e.unitId,
        retiredAt: null,
        level: "ACTION",
        status: { notIn: ["COMPLETED", "NOT_STARTED"] },
        dueDate: { not: null },
      },
    });
    if (n >= 4) {
      editor = testAccount(e);
      break;
    }
  }
  expect(editor).toBeDefined();
  unitId = editor.unitId!;
  ({ viewer, admin, coordinator } = await sampleStaff(t.db));
});

afterAll(async () => {
  await t?.drop();
});

/** Turns review (the deployment's setting) on or off. */
async function setReview(on: boolean): Promise<void> {
  await t.db.cycleSettings.upsert({
    where: { id: 1 },
    create: { id: 1, reviewRequired: on },
    update: { reviewRequired: on },
  });
}

/** The editor's unit's open reports (draft, submitted, returned) on these items. */
const openReportsOn = (ids: number[]) =>
  t.db.progressUpdate.findMany({
    where: { itemId: { in: ids }, unitId, state: { in: ["DRAFT", "SUBMITTED", "RETURNED"] } },
  });

describe.each([
  ["xlsx", "zh", true],
  ["csv", "en", false],
] as const)("round trip through %s (%s headers), review on: %s", (format, lang, review) => {
  it("previews exactly the three changed cells; the report fields become a report, the due date changes the item", async () => {
    await setReview(review);
    await freshExport(lang);
    // Items the unit has no open report on (a row revising one is its own test below).
    const busy = new Set((await openReportsOn(items.map((i) => idOf.get(i.code)!))).map((r) => r.itemId));
    const open = items.filter(
      (i) =>
        i.level === "ACTION" &&
        !["COMPLETED", "NOT_STARTED"].includes(i.status) &&
        i.dueDate !== null &&
        i.confidence !== null &&
        i.reportedProgress !== null &&
        !busy.has(idOf.get(i.code)!),
    );
    expect(open.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = [open[0]!, open[1]!, open[2]!];
    const newStatus = a.status === "ON_HOLD" ? "IN_PROGRESS" : "ON_HOLD";
    const newProgress = b.reportedProgress === 37 ? 38 : 37;
    const newDue = new Date(new Date(`${c.dueDate}T00:00:00Z`).getTime() + 31 * 86_400_000);
    const note = lang === "zh" ? "受征地影响顺延" : "delayed by land acquisition";
    const common =
      lang === "zh"
        ? (await import("../../lib/i18n/messages/zh-CN/common.json")).default
        : (await import("../../lib/i18n/messages/en/common.json")).default;
    // The real export of the unit, edited as a person would: a status label, a progress, a due date and its
    // reason (in the CSV typed as Excel re-saves dates: YYYY/M/D).
    const report = await exportedReport(t.db, { kind: "unit", unitId }, lang);
    expect(report.items.map((i) => i.code)).toEqual(items.map((i) => i.code));
    const edits: CellEdit[] = [
      { code: a.code, key: "status", value: common.status[newStatus] },
      { code: b.code, key: "reportedProgress", value: format === "xlsx" ? newProgress : `${newProgress}` },
      {
        code: c.code,
        key: "dueDate",
        value:
          format === "xlsx" ? newDue : `${newDue.getUTCFullYear()}/${newDue.getUTCMonth() + 1}/${newDue.getUTCDate()}`,
      },
      { code: c.code, key: "changeNote", value: note },
    ];
    const bytes =
      format === "xlsx" ? await editXlsx(await renderXlsx(report), edits) : editCsv(renderCsv(report), edits);
    const name = lang === "zh" ? `事项导出.${format}` : `items.${format}`;

    as(editor);
    const before = await fingerprint();
    const previewed = await preview(bytes, name);
    expect(await fingerprint()).toBe(before);
    expect(previewed.ok, JSON.stringify(previewed)).toBe(true);
    const plan = previewed.data!.plan!;
    expect(plan.errors).toEqual([]);
    // The export's read-only cells match the items: nothing is reported as "not imported".
    expect(plan.rows.flatMap((r) => r.warnings)).toEqual([]);
    expect(plan.rows).toHaveLength(rows.length);
    const changed = plan.rows.filter((r) => r.changes.length > 0);
    const outcome = review ? "review" : "approved";
    expect(
      changed.map((r) => ({
        row: r.row,
        code: r.code,
        changes: r.changes.map(({ key, from, to, viaReport }) => ({ key, from, to, viaReport })),
        report: r.report,
      })),
    ).toEqual(
      [
        {
          row: rowNumber(a.code),
          code: a.code,
          changes: [{ key: "status", from: a.status, to: newStatus, viaReport: true }],
          report: { outcome, revises: null, pending: false },
        },
        {
          row: rowNumber(b.code),
          code: b.code,
          changes: [
            { key: "reportedProgress", from: String(b.reportedProgress), to: String(newProgress), viaReport: true },
          ],
          report: { outcome, revises: null, pending: false },
        },
        {
          row: rowNumber(c.code),
          code: c.code,
          changes: [{ key: "dueDate", from: c.dueDate, to: newDue.toISOString().slice(0, 10), viaReport: false }],
          report: null,
        },
      ].sort((x, y) => x.row - y.row),
    );
    expect(plan.counts).toMatchObject({ changed: 3, cells: 3, unchanged: rows.length - 3, reports: 2 });
    expect(plan.reviewRequired).toBe(review);

    const versionsBefore = await versions();
    const historyBefore = await t.db.itemHistory.count();
    const updatesBefore = await t.db.progressUpdate.count();
    const originalBefore = (await t.db.item.findUniqueOrThrow({ where: { code: c.code } })).originalDueDate;
    const applied = await apply(bytes, name);
    expect(applied.ok, JSON.stringify(applied)).toBe(true);
    const state = review ? "SUBMITTED" : "APPROVED";
    expect(applied.data?.changed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: a.code, report: state }),
        expect.objectContaining({ code: b.code, report: state }),
        expect.objectContaining({ code: c.code, report: null }),
      ]),
    );
    expect(applied.data?.changed).toHaveLength(3);

    // One report per report row, the unit's, with the row's values and a note naming the file and row.
    expect(await t.db.progressUpdate.count()).toBe(updatesBefore + 2);
    const ids = new Map(
      (await t.db.item.findMany({ where: { code: { in: [a.code, b.code, c.code] } } })).map((i) => [i.code, i]),
    );
    const reportOf = (code: string) =>
      t.db.progressUpdate.findFirstOrThrow({ where: { itemId: ids.get(code)!.id }, orderBy: { id: "desc" } });
    const ra = await reportOf(a.code);
    const rb = await reportOf(b.code);
    expect(ra).toMatchObject({ state, authorId: editor.id, unitId, status: newStatus, progress: a.reportedProgress });
    // In the language of the person importing (their locale cookie; none here: zh-CN).
    expect(ra.note).toBe(`由导入文件“${name}”第 ${rowNumber(a.code)} 行报送。`);
    expect(rb).toMatchObject({ state, status: b.status, progress: newProgress, confidence: b.confidence });
    expect(
      await t.db.reportEvent.findMany({ where: { reportId: ra.id }, orderBy: { id: "asc" }, select: { action: true } }),
    ).toEqual(review ? [{ action: "SUBMIT" }] : [{ action: "SUBMIT" }, { action: "APPROVE" }]);

    // The due date is the item's own field: changed at once, with its reason, whatever the review setting.
    const historyOf = (code: string) =>
      t.db.itemHistory.findFirstOrThrow({ where: { itemId: ids.get(code)!.id }, orderBy: { version: "desc" } });
    expect(await historyOf(c.code)).toMatchObject({
      action: "UPDATE",
      actorId: editor.id,
      changedFields: originalBefore === null ? ["dueDate", "originalDueDate"] : ["dueDate"],
      reason: note,
      dueDate: newDue,
    });
    expect(ids.get(c.code)!.dueDate).toEqual(newDue);

    const after = await versions();
    const moved = review ? [c.code] : [a.code, b.code, c.code];
    for (const [id, v] of versionsBefore) {
      const touched = moved.some((code) => ids.get(code)!.id === id);
      expect(after.get(id), `item ${id}`).toBe(touched ? v + 1 : v);
    }
    if (review) {
      // Nothing of the reports reaches the items until a coordinator approves them.
      expect(await t.db.itemHistory.count()).toBe(historyBefore + 1);
      expect(ids.get(a.code)).toMatchObject({ status: a.status, version: a.version });
      expect(ids.get(b.code)).toMatchObject({ progress: b.reportedProgress, version: b.version });
      for (const r of [ra, rb]) {
        const step = await t.db.$transaction((tx) =>
          approve(tx, coordinator, { reportId: r.id, expectedRevision: r.revision, comment: null }, new Date()),
        );
        expect(step.state).toBe("APPROVED");
      }
    } else {
      expect(await t.db.itemHistory.count()).toBe(historyBefore + 3);
    }
    const now = new Map(
      (await t.db.item.findMany({ where: { code: { in: [a.code, b.code] } } })).map((i) => [i.code, i]),
    );
    expect(now.get(a.code)).toMatchObject({ status: newStatus, progress: a.reportedProgress, version: a.version + 1 });
    expect(now.get(b.code)).toMatchObject({ progress: newProgress, status: b.status, version: b.version + 1 });
    expect(await historyOf(a.code)).toMatchObject({
      action: "PROGRESS_UPDATE",
      actorId: editor.id,
      status: newStatus,
    });

    // The same file again: its versions are now behind, but it would change nothing, so it is a no-op.
    const again = await fingerprint();
    expect(await preview(bytes, name)).toMatchObject({
      ok: true,
      data: { plan: { errors: [], counts: { changed: 0, reports: 0 } } },
    });
    expect(await apply(bytes, name)).toMatchObject({ ok: true, data: { changed: [] } });
    expect(await fingerprint()).toBe(again);
  });
});

describe("report rows and the review", () => {
  const col = (key: string) => headers("zh")[ITEM_COLUMNS.findIndex((c) => c.key === key)]!;
  const common = zhCommonMessages;

  /** An open action item of the unit with a confidence and a progress, with no open report of the unit. */
  async function freeItem(skip: string[] = []): Promise<ReportItem> {
    await freshExport("zh");
    const busy = new Set((await openReportsOn(items.map((i) => idOf.get(i.code)!))).map((r) => r.itemId));
    const found = items.find(
      (i) =>
        i.level === "ACTION" &&
        !["COMPLETED", "NOT_STARTED"].includes(i.status) &&
        i.confidence !== null &&
        i.reportedProgress !== null &&
        !busy.has(idOf.get(i.code)!) &&
        !skip.includes(i.code),
    );
    expect(found).toBeDefined();
    return found!;
  }
  const fileWith = (code: string, patch: Row) => csvOf(rows.map((r) => (r.code === code ? { ...r, ...patch } : r)));

  it("a pending report shows 待审核 and the item keeps its approved state; the same report twice is not resubmitted", async () => {
    await setReview(true);
    as(editor);
    const item = await freeItem();
    const newStatus = item.status === "ON_HOLD" ? "IN_PROGRESS" : "ON_HOLD";
    const file = fileWith(item.code, { status: common.status[newStatus] });
    expect((await apply(file, "pending.csv")).ok).toBe(true);
    const [pending] = await openReportsOn([idOf.get(item.code)!]);
    expect(pending).toMatchObject({ state: "SUBMITTED", status: newStatus });
    expect(await t.db.item.findUniqueOrThrow({ where: { id: idOf.get(item.code)! } })).toMatchObject({
      status: item.status,
      version: item.version,
    });
    // Previewed again: the row is listed as already awaiting review, and nothing is written.
    const again = await preview(file, "pending.csv");
    expect(again.data?.plan?.rows.find((r) => r.code === item.code)).toMatchObject({
      changes: [],
      report: { outcome: "review", revises: "SUBMITTED", pending: true },
    });
    const before = await fingerprint();
    expect(await apply(file, "pending.csv")).toMatchObject({ ok: true, data: { changed: [] } });
    expect(await fingerprint()).toBe(before);
  });

  it("revises the unit's open report as the report form would: the same report, its texts kept", async () => {
    await setReview(true);
    as(editor);
    const item = await freeItem();
    const draft = await t.db.$transaction((tx) =>
      saveDraft(
        tx,
        { id: editor.id, role: "EDITOR", unitId },
        {
          itemId: idOf.get(item.code)!,
          content: reportContent({
            status: item.status,
            progress: item.reportedProgress!,
            confidence: item.confidence!,
            note: "草稿里写好的说明",
            nextSteps: "下一步：开工",
            blockers: null,
            evidenceLinks: [],
            docNumber: "川发改〔2026〕3号",
          }),
        },
        new Date(),
      ),
    );
    const file = fileWith(item.code, { confidence: common.confidence[item.confidence === "RED" ? "AMBER" : "RED"] });
    const previewed = await preview(file, "revise.csv");
    expect(previewed.data?.plan?.rows.find((r) => r.code === item.code)?.report).toEqual({
      outcome: "review",
      revises: "DRAFT",
      pending: false,
    });
    const updatesBefore = await t.db.progressUpdate.count();
    expect((await apply(file, "revise.csv")).ok).toBe(true);
    expect(await t.db.progressUpdate.count()).toBe(updatesBefore);
    expect(await t.db.progressUpdate.findUniqueOrThrow({ where: { id: draft.reportId } })).toMatchObject({
      state: "SUBMITTED",
      revision: draft.revision + 1,
      confidence: item.confidence === "RED" ? "AMBER" : "RED",
      note: "草稿里写好的说明",
      nextSteps: "下一步：开工",
      docNumber: "川发改〔2026〕3号",
    });
  });

  it("review on: a row marking an item 已完成 is refused, naming the row, and nothing is written", async () => {
    await setReview(true);
    as(editor);
    const item = await freeItem();
    const file = fileWith(item.code, { status: common.status.COMPLETED, reportedProgress: 100 });
    await expectRefused(file, "done.csv", [
      {
        row: rowNumber(item.code),
        column: col("status"),
        message: "import.problems.closeOutNeedsEvidence",
        values: { code: item.code },
      },
    ]);
  });

  it("review off: a row marking an item 已完成 is approved at once, as the report form does without review", async () => {
    await setReview(false);
    as(editor);
    const item = await freeItem();
    const file = fileWith(item.code, { status: common.status.COMPLETED });
    expect((await apply(file, "done.csv")).ok).toBe(true);
    expect(await t.db.item.findUniqueOrThrow({ where: { id: idOf.get(item.code)! } })).toMatchObject({
      status: "COMPLETED",
      progress: 100,
    });
    expect(
      await t.db.progressUpdate.findFirstOrThrow({ where: { itemId: idOf.get(item.code)! }, orderBy: { id: "desc" } }),
    ).toMatchObject({ state: "APPROVED", status: "COMPLETED", reviewerId: null });
    await setReview(true);
  });

  it("a report needs a confidence and a progress: an emptied cell on a report row is refused", async () => {
    await setReview(true);
    as(editor);
    const item = await freeItem();
    await expectRefused(fileWith(item.code, { confidence: null }), "blank.csv", [
      { row: rowNumber(item.code), column: col("confidence"), message: "import.problems.reportNeedsConfidence" },
    ]);
    await expectRefused(fileWith(item.code, { reportedProgress: null }), "blank.csv", [
      { row: rowNumber(item.code), column: col("reportedProgress"), message: "import.problems.reportNeedsProgress" },
    ]);
  });
});

describe("a recommendation's rolled-up progress", () => {
  it("travels in its own read-only column: changing it imports nothing", async () => {
    as(admin);
    const report = await exportedReport(t.db, { kind: "all" });
    const rec = report.items.find((i) => i.level === "RECOMMENDATION" && i.rolledUp && i.progress > 0)!;
    expect(rec).toBeDefined();
    for (const format of ["xlsx", "csv"] as const) {
      const edits: CellEdit[] = [{ code: rec.code, key: "progress", value: format === "xlsx" ? 0.5 : "50%" }];
      const bytes =
        format === "xlsx" ? await editXlsx(await renderXlsx(report), edits) : editCsv(renderCsv(report), edits);
      const before = await fingerprint();
      const previewed = await preview(bytes, `all.${format}`);
      expect(previewed.ok, JSON.stringify(previewed)).toBe(true);
      expect(previewed.data!.plan!).toMatchObject({ errors: [], counts: { changed: 0, cells: 0 } });
      expect(await apply(bytes, `all.${format}`)).toMatchObject({ ok: true, data: { changed: [] } });
      expect(await fingerprint()).toBe(before);
    }
  });
});

describe("bad files: each named by row and column, and nothing written", () => {
  const zh = headers("zh");
  const col = (key: string) =>
    zh[
      [
        "code",
        "pillarNumber",
        "level",
        "title",
        "leadUnit",
        "coLeadUnit",
        "responsiblePerson",
        "status",
        "confidence",
        "reportedProgress",
        "progress",
        "startDate",
        "dueDate",
        "originalDueDate",
        "slippageDays",
        "overdue",
        "totalInvestment",
        "plannedInvestment",
        "completedInvestment",
        "investmentRate",
        "lastUpdateAt",
        "version",
        "changeNote",
      ].indexOf(key)
    ]!;
  const edit = (index: number, patch: Row) => rows.map((r, i) => (i === index ? { ...r, ...patch } : r));

  beforeAll(async () => {
    await freshExport("zh");
    as(editor);
  });

  it("refuses a file over the size limit", async () => {
    const big = Buffer.concat([csvOf(rows), Buffer.alloc(IMPORT_MAX_BYTES, 0x20)]);
    await expectRefused(big, "big.csv", [{ row: null, message: "import.problems.tooLarge" }]);
  });

  it("refuses a wrong type, by extension and by content", async () => {
    await expectRefused(csvOf(rows), "items.txt", [{ row: null, message: "import.problems.wrongType" }]);
    await expectRefused(csvOf(rows), "items.xlsx", [{ message: "import.problems.notXlsx" }]);
    await expectRefused(await xlsxOf(rows), "items.csv", [{ message: "import.problems.notCsv" }]);
    await expectRefused(Buffer.from("PK\u0003\u0004 not really a zip"), "items.xlsx", [
      { message: "import.problems.unreadableXlsx" },
    ]);
  });

  it("refuses an empty file and a file with only the header", async () => {
    await expectRefused(Buffer.alloc(0), "empty.csv", [{ row: null, message: "import.problems.empty" }]);
    await expectRefused(csvOf([]), "header-only.csv", [{ row: null, message: "import.problems.noRows" }]);
    await expectRefused(await xlsxOf([]), "header-only.xlsx", [{ row: null, message: "import.problems.noRows" }]);
  });

  it("names missing, extra and reordered columns", async () => {
    const without = zh.filter((h) => h !== col("reportedProgress"));
    await expectRefused(csvOf(rows, { header: without }), "missing.csv", [
      { row: 1, column: col("reportedProgress"), message: "import.problems.missingColumn" },
    ]);
    await expectRefused(await xlsxOf(rows, { header: [...zh, "备注"] }), "extra.xlsx", [
      { row: 1, column: "备注", message: "import.problems.extraColumn" },
    ]);
    const swapped = [...zh];
    const s = zh.indexOf(col("status"));
    const c = zh.indexOf(col("confidence"));
    [swapped[s], swapped[c]] = [zh[c]!, zh[s]!];
    await expectRefused(csvOf(rows, { header: swapped }), "swapped.csv", [
      {
        row: 1,
        column: col("confidence"),
        message: "import.problems.columnOrder",
        values: { position: s + 1, expected: col("status") },
      },
    ]);
  });

  it("names bad dates", async () => {
    await expectRefused(csvOf(edit(1, { dueDate: "2026-02-30", changeNote: "x" }), { rawCells: true }), "dates.csv", [
      { row: 3, column: col("dueDate"), message: "validation.invalidDate" },
    ]);
    await expectRefused(await xlsxOf(edit(2, { startDate: "明年三月" })), "dates.xlsx", [
      { row: 4, column: col("startDate"), message: "validation.invalidDate" },
    ]);
  });

  it("names progress out of range (as 0–100 in CSV, as a percent fraction in XLSX)", async () => {
    await expectRefused(csvOf(edit(0, { reportedProgress: 120 })), "progress.csv", [
      { row: 2, column: col("reportedProgress"), message: "validation.progressRange" },
    ]);
    await expectRefused(await xlsxOf(edit(1, { reportedProgress: 150 })), "progress.xlsx", [
      { row: 3, column: col("reportedProgress"), message: "validation.progressRange" },
    ]);
    await expectRefused(csvOf(edit(1, { reportedProgress: -5 })), "negative.csv", [
      { row: 3, column: col("reportedProgress"), message: "validation.progressRange" },
    ]);
  });

  it("names unknown status values and unknown codes", async () => {
    await expectRefused(csvOf(edit(0, { status: "差不多了" })), "status.csv", [
      { row: 2, column: col("status"), message: "validation.invalidChoice" },
    ]);
    await expectRefused(csvOf(edit(1, { code: "9.9.99" })), "code.csv", [
      { row: 3, column: col("code"), message: "import.problems.unknownCode", values: { code: "9.9.99" } },
    ]);
  });

  it("names duplicate rows", async () => {
    await expectRefused(csvOf([...rows, rows[0]!]), "dup.csv", [
      {
        row: rows.length + 2,
        column: col("code"),
        message: "import.problems.duplicateRow",
        values: { code: rows[0]!.code as string, first: 2 },
      },
    ]);
  });

  it("refuses formulas (an XLSX formula cell, a CSV cell that is not the export's neutralised text)", async () => {
    const personCol = zh.indexOf(col("responsiblePerson")) + 1;
    const xlsx = await xlsxOf(rows, {
      raw: (ws) => (ws.getRow(3).getCell(personCol).value = { formula: 'CONCATENATE("张","三")', result: "张三" }),
    });
    await expectRefused(xlsx, "formula.xlsx", [
      { row: 3, column: col("responsiblePerson"), message: "import.problems.formula" },
    ]);
    await expectRefused(
      csvOf(edit(0, { responsiblePerson: '=HYPERLINK("http://evil.example","x")' }), { rawCells: true }),
      "formula.csv",
      [{ row: 2, column: col("responsiblePerson"), message: "import.problems.formula" }],
    );
    // The export's own neutralised text ('=…) is read back as the text it stands for.
    const neutral = await preview(csvOf(edit(0, { responsiblePerson: "=张三" })), "neutral.csv");
    expect(neutral.ok, JSON.stringify(neutral)).toBe(true);
    expect(neutral.data?.plan?.rows[0]?.changes).toEqual([
      expect.objectContaining({ key: "responsiblePerson", to: "=张三" }),
    ]);
  });

  it("refuses over-long text", async () => {
    await expectRefused(csvOf(edit(0, { responsiblePerson: "张".repeat(101) })), "long.csv", [
      { row: 2, column: col("responsiblePerson"), message: "validation.tooLong" },
    ]);
  });

  it("refuses invalid UTF-8 (a GBK CSV)", async () => {
    // "编号,方面" in GBK, then ASCII: what Excel's plain "CSV" writes on a Chinese Windows.
    const gbk = Buffer.concat([
      Buffer.from([0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xb7, 0xbd, 0xc3, 0xe6]),
      Buffer.from("\r\n1.1,1\r\n"),
    ]);
    await expectRefused(gbk, "gbk.csv", [{ row: null, message: "import.problems.notUtf8" }]);
  });

  it("refuses a revised due date without a change note", async () => {
    const i = rows.findIndex((r) => r.dueDate !== null && r.level === "事项");
    await expectRefused(csvOf(edit(i, { dueDate: new Date(Date.UTC(2031, 0, 15)) })), "reason.csv", [
      { row: i + 2, column: col("changeNote"), message: "validation.reasonRequired" },
    ]);
  });

  it("refuses a whole file that changes another unit's item, naming that row (editor); an admin may", async () => {
    const outside = await t.db.item.findFirstOrThrow({
      where: outsideUnit(unitId),
    });
    const foreign = (await exportedItems(t.db, { kind: "all" })).find((i) => i.code === outside.code);
    const [firstOwn] = pickThree();
    const ownIndex = rows.findIndex((r) => r.code === firstOwn.code);
    const file = csvOf([
      { ...rows[ownIndex]!, responsiblePerson: "本单位改动" },
      { ...rowOf(foreign!), responsiblePerson: "越权改动" },
    ]);
    await expectRefused(
      file,
      "foreign.csv",
      [{ row: 3, column: null, message: "import.problems.forbidden", values: { code: foreign!.code } }],
      "forbidden",
    );
    as(admin);
    expect((await preview(file, "foreign.csv")).ok).toBe(true);
    as(editor);
  });

  it("refuses a stale row, also when the item changes between dry run and apply", async () => {
    await freshExport("zh");
    const [first] = pickThree();
    const i = rows.findIndex((r) => r.code === first.code);
    await expectRefused(
      csvOf(edit(i, { version: (rows[i]!.version as number) - 1, responsiblePerson: "旧版本" })),
      "stale.csv",
      [{ row: i + 2, column: col("version"), message: "import.problems.conflict" }],
      "conflict",
    );

    const file = csvOf(edit(i, { responsiblePerson: "预览之后" }));
    expect((await preview(file, "late.csv")).ok).toBe(true);
    const id = (await t.db.item.findUniqueOrThrow({ where: { code: first.code } })).id;
    await t.db.$transaction((tx) =>
      changeItem(tx, id, { action: "UPDATE", fields: { weight: 7 } }, { actorId: admin.id }),
    );
    const before = await fingerprint();
    expect(await apply(file, "late.csv")).toMatchObject({
      ok: false,
      code: "conflict",
      plan: { errors: [expect.objectContaining({ row: i + 2, message: "import.problems.conflict" })] },
    });
    expect(await fingerprint()).toBe(before);
  });

  it("refuses an apply whose file is not the previewed one, and callers without item:import", async () => {
    const file = csvOf(edit(0, { responsiblePerson: "哈希" }));
    const before = await fingerprint();
    expect(await apply(file, "x.csv", hashOf(csvOf(rows)))).toMatchObject({
      ok: false,
      code: "invalid",
      message: "import.errors.fileChanged",
    });
    as(viewer);
    expect(await preview(file, "x.csv")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await apply(file, "x.csv")).toMatchObject({ ok: false, code: "forbidden" });
    as(null);
    expect(await apply(file, "x.csv")).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await fingerprint()).toBe(before);
    as(editor);
  });

  it("refuses a change to a retired item, and lets its unchanged row pass", async () => {
    await freshExport("zh");
    const target = items.filter((i) => i.level === "ACTION").at(-1)!;
    const id = (await t.db.item.findUniqueOrThrow({ where: { code: target.code } })).id;
    await t.db.$transaction((tx) =>
      retireTreeItem(tx, { itemId: id, expectedVersion: target.version }, { actorId: admin.id }),
    );
    // A later export may leave retired items out; the file still names it, as an older export would.
    await freshExport("zh");
    const unchanged = rows.some((r) => r.code === target.code) ? rows : [...rows, rowOf(target)];
    const k = unchanged.findIndex((r) => r.code === target.code);
    const current = (await t.db.item.findUniqueOrThrow({ where: { id } })).version;
    const base = unchanged.map((r, n) => (n === k ? { ...r, version: current } : r));
    expect((await preview(csvOf(base), "retired.csv")).ok).toBe(true);
    await expectRefused(
      csvOf(base.map((r, n) => (n === k ? { ...r, responsiblePerson: "撤销后修改" } : r))),
      "retired.csv",
      [{ row: k + 2, column: col("code"), message: "import.problems.retired", values: { code: target.code } }],
    );
  });

  it("reports a changed read-only cell as not imported and leaves it alone", async () => {
    await freshExport("zh");
    const [first] = pickThree();
    const i = rows.findIndex((r) => r.code === first.code);
    const file = csvOf(edit(i, { title: "改过的标题", responsiblePerson: "只改责任人" }));
    const previewed = await preview(file, "readonly.csv");
    expect(previewed.ok, JSON.stringify(previewed)).toBe(true);
    const row = previewed.data!.plan!.rows.find((r) => r.code === first.code)!;
    expect(row.warnings).toContainEqual(
      expect.objectContaining({ row: i + 2, column: col("title"), message: "import.problems.notImported" }),
    );
    expect(row.changes.map((c) => c.key)).toEqual(["responsiblePerson"]);
    expect((await apply(file, "readonly.csv")).ok).toBe(true);
    expect(await t.db.item.findUniqueOrThrow({ where: { code: first.code } })).toMatchObject({
      title: first.title,
      responsiblePerson: "只改责任人",
    });
  });
});
