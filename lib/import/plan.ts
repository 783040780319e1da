// Compares each parsed row with its item's CURRENT state: per row and cell, what an import would change
// (editable columns only), which read-only cells differ (reported, not imported), and what stops the file:
// unknown or retired codes, rows the user may not change, rows whose item was saved after the export, a
// revised due date without a change note. The same function serves the dry run and, inside the apply
// transaction with the items locked, the apply — so what is written is exactly what the plan says.
//
// A row's report fields (status, progress, confidence) are not item changes: they become a report of the item
// through the one report lifecycle (lib/writes/reports.ts), 待审核 when review is on, approved at once when it is
// off; revising the unit's open report as the report form would. A report marking the item 已完成 needs evidence a
// spreadsheet cannot carry: with review on such a row is refused and the person sent to the item's report form.
// The investment columns (总投资, and 本年 计划投资 / 完成投资 of the import day's year) are the item's own fields,
// written as the item page's investment form writes them.
import type { Prisma, ProgressUpdate } from "../generated/prisma/client";
import { isoDay, todayInChina } from "../dates";
import { now } from "../clock";
import { amountText } from "../money";
import { totalsProblems } from "../validations/investment";
import type { ItemSnapshot } from "../writes/snapshot";
import { openReportsOf, reviewRequired as isReviewRequired } from "../writes/reports";
import { can, type Actor } from "../permissions";
import { ITEM_COLUMNS } from "../report/item-columns";
import { impliedProgress } from "../status";
import type { ParsedFile } from "./parse";
import type {
  ImportCellChange,
  ImportPlan,
  ImportPlanRow,
  ImportProblem,
  ImportRowReport,
  ImportValueKind,
  OpenReportState,
} from "./types";

type Tx = Prisma.TransactionClient;

/** The editable state of an item, as an import sets it (amounts: 万元 as canonical decimal strings). */
export type ImportTarget = Pick<
  ItemSnapshot,
  "responsiblePerson" | "status" | "confidence" | "startDate" | "dueDate"
> & {
  reportedProgress: ItemSnapshot["progress"];
  totalInvestment: string | null;
  /** the import year's 计划投资 and 完成投资 */
  plannedInvestment: string | null;
  completedInvestment: string | null;
};

/** What a row reports: a new report of the item, or the unit's open report revised. */
export interface PlannedReport {
  status: ImportTarget["status"];
  progress: number;
  confidence: NonNullable<ImportTarget["confidence"]>;
  /** the unit's open report the row revises (its texts are kept, as the report form keeps them) */
  open: ProgressUpdate | null;
}

export interface PlannedChange {
  itemId: number;
  code: string;
  row: number;
  expectedVersion: number;
  target: ImportTarget;
  /** the item's own fields the row changes directly (never a report field) */
  changedKeys: (keyof ImportTarget)[];
  /** the report the row submits (null: its report fields are unchanged, or already awaiting review) */
  report: PlannedReport | null;
  /** the year the row's 本年 investment columns are (the import day's year in China) */
  investmentYear: number;
  /** the item has no original due date yet: the first revision keeps the old one as original */
  originalDueDate: string | null | undefined;
  reason: string | null;
}

const KIND: Record<keyof ImportTarget, ImportValueKind> = {
  responsiblePerson: "text",
  status: "status",
  confidence: "confidence",
  reportedProgress: "progress",
  startDate: "text",
  dueDate: "text",
  totalInvestment: "text",
  plannedInvestment: "text",
  completedInvestment: "text",
};
/** Columns a progress report carries: they need item:post-update as well as item:update, and go through a report. */
const REPORT_KEYS = new Set<keyof ImportTarget>(["status", "confidence", "reportedProgress"]);
/** Investment columns: written as the item page's investment form writes them (lib/writes/investment.ts). */
export const INVESTMENT_KEYS = new Set<keyof ImportTarget>([
  "totalInvestment",
  "plannedInvestment",
  "completedInvestment",
]);

/** The year an import's 本年 columns are: the import day's, in China. */
export const importYear = (at: Date): number => Number(todayInChina(at).slice(0, 4));

const amount = (value: Prisma.Decimal | null | undefined) =>
  value === null || value === undefined ? null : amountText(value);

async function loadItems(tx: Tx, codes: string[], year: number) {
  const items = await tx.item.findMany({
    where: { code: { in: codes } },
    select: {
      id: true,
      code: true,
      title: true,
      titleEn: true,
      version: true,
      level: true,
      retiredAt: true,
      totalInvestment: true,
      sichuanShare: true,
      chongqingShare: true,
      investmentYears: { where: { year }, select: { planned: true, completed: true } },
      responsiblePerson: true,
      status: true,
      confidence: true,
      progress: true,
      startDate: true,
      dueDate: true,
      originalDueDate: true,
      leadUnitId: true,
      coLeadUnitId: true,
      supportingUnits: { select: { unitId: true } },
      leadUnit: { select: { name: true, shortName: true } },
      coLeadUnit: { select: { name: true, shortName: true } },
    },
  });
  return new Map(items.map((i) => [i.code, i]));
}

function keep<K extends keyof ImportTarget>(target: ImportTarget, current: ImportTarget, key: K): void {
  target[key] = current[key];
}

const same = (a: string | null, b: string | null) => (a ?? "").trim() === (b ?? "").trim();

/**
 * Why a row's investment cells cannot be written: investment belongs to action items (a recommendation's is
 * rolled up from them), and a joint project's 川方 / 渝方 shares (not in the file) must still add up to 总投资.
 */
function investmentProblems(
  item: { level: string; sichuanShare: Prisma.Decimal | null; chongqingShare: Prisma.Decimal | null },
  changedKeys: (keyof ImportTarget)[],
  target: ImportTarget,
  row: number,
  h: ParsedFile["headers"],
): ImportProblem[] {
  const changed = changedKeys.filter((k) => INVESTMENT_KEYS.has(k));
  if (changed.length === 0) return [];
  if (item.level !== "ACTION")
    return changed.map((k) => ({ row, column: h[k], message: "investment.errors.notAction" }));
  if (!changed.includes("totalInvestment")) return [];
  const shares = { sichuanShare: amount(item.sichuanShare), chongqingShare: amount(item.chongqingShare) };
  if (totalsProblems({ totalInvestment: target.totalInvestment, ...shares }).length === 0) return [];
  return [
    {
      row,
      column: h.totalInvestment,
      message: "import.problems.investmentShares",
      values: { sichuan: shares.sichuanShare ?? "", chongqing: shares.chongqingShare ?? "" },
    },
  ];
}

export async function buildImportPlan(
  tx: Tx,
  user: Actor,
  file: ParsedFile,
  fileName: string,
  year: number = importYear(now()),
): Promise<{ plan: ImportPlan; changes: PlannedChange[] }> {
  const errors: ImportProblem[] = [...file.problems];
  const rows: ImportPlanRow[] = [];
  const changes: PlannedChange[] = [];
  const items = await loadItems(
    tx,
    file.rows.map((r) => r.values.code),
    year,
  );
  const reviewRequired = await isReviewRequired(tx);
  const openReports = await openReportsOf(
    tx,
    user,
    [...items.values()].map((i) => i.id),
  );
  const h = file.headers;

  for (const { row, values, raw } of file.rows) {
    const item = items.get(values.code);
    if (!item) {
      errors.push({ row, column: h.code, message: "import.problems.unknownCode", values: { code: values.code } });
      continue;
    }
    const current: ImportTarget = {
      responsiblePerson: item.responsiblePerson,
      status: item.status,
      confidence: item.confidence,
      reportedProgress: item.progress,
      startDate: isoDay(item.startDate),
      dueDate: isoDay(item.dueDate),
      totalInvestment: amount(item.totalInvestment),
      plannedInvestment: amount(item.investmentYears[0]?.planned),
      completedInvestment: amount(item.investmentYears[0]?.completed),
    };
    const target: ImportTarget = {
      responsiblePerson: values.responsiblePerson,
      status: values.status!,
      confidence: values.confidence,
      // 已完成 is always 100 and 未启动 always 0, as everywhere else (lib/status.ts).
      reportedProgress: impliedProgress(values.status!, values.reportedProgress),
      startDate: values.startDate,
      dueDate: values.dueDate,
      totalInvestment: values.totalInvestment,
      plannedInvestment: values.plannedInvestment,
      completedInvestment: values.completedInvestment,
    };
    // A column the file does not have (an export from before it existed) keeps the item's own value.
    for (const key of file.absent) if (key in KIND) keep(target, current, key as keyof ImportTarget);
    const warnings: ImportProblem[] = [];
    if (target.reportedProgress !== values.reportedProgress) {
      warnings.push({
        row,
        column: h.reportedProgress,
        message: "import.problems.progressImplied",
        values: { progress: target.reportedProgress ?? 0 },
      });
    }
    let changedKeys = (Object.keys(KIND) as (keyof ImportTarget)[]).filter((key) => {
      const a = current[key];
      const b = target[key];
      return typeof a === "number" || typeof b === "number" ? a !== b : !same(a, b);
    });
    // The report fields become one report; the unit's open report on the item is revised, as its form would.
    const open = openReports.get(item.id) ?? null;
    let report: ImportRowReport | null = null;
    if (changedKeys.some((k) => REPORT_KEYS.has(k))) {
      const pending =
        open?.state === "SUBMITTED" &&
        open.status === target.status &&
        open.progress === target.reportedProgress &&
        open.confidence === target.confidence;
      report = {
        outcome: reviewRequired ? "review" : "approved",
        revises: open ? (open.state as OpenReportState) : null,
        pending,
      };
      // Already awaiting review with exactly these values (the same file imported twice): nothing to report.
      if (pending) changedKeys = changedKeys.filter((k) => !REPORT_KEYS.has(k));
    }
    const cellChanges: ImportCellChange[] = changedKeys.map((key) => ({
      key,
      column: h[key],
      kind: KIND[key],
      from: current[key] === null ? null : String(current[key]),
      to: target[key] === null ? null : String(target[key]),
      viaReport: REPORT_KEYS.has(key),
    }));
    const reports = report !== null && !report.pending;

    // Read-only context that differs from the item is shown, never applied (a warning, not an error: the
    // spreadsheet may have been tidied for a meeting, and the editable cells are still meant).
    const readOnly: [keyof typeof h, (string | null | undefined)[]][] = [
      ["title", [item.title, item.titleEn]],
      ["leadUnit", item.leadUnit ? [item.leadUnit.name, item.leadUnit.shortName] : [null]],
      ["coLeadUnit", item.coLeadUnit ? [item.coLeadUnit.name, item.coLeadUnit.shortName] : [null]],
    ];
    for (const [key, accepted] of readOnly) {
      const text = raw[key] ?? "";
      if (!accepted.some((a) => same(a ?? null, text)))
        warnings.push({ row, column: h[key], message: "import.problems.notImported" });
    }

    const rowErrors: ImportProblem[] = [];
    // A retired item is kept read-only: listed when unchanged, refused when the row would change it.
    if (changedKeys.length > 0 && item.retiredAt)
      rowErrors.push({ row, column: h.code, message: "import.problems.retired", values: { code: item.code } });
    else if (changedKeys.length > 0) {
      const scope = {
        leadUnitId: item.leadUnitId,
        coLeadUnitId: item.coLeadUnitId,
        supportingUnitIds: item.supportingUnits.map((s) => s.unitId),
      };
      const needsReport = changedKeys.some((k) => REPORT_KEYS.has(k));
      if (!can(user, "item:update", scope) || (needsReport && !can(user, "item:post-update", scope))) {
        rowErrors.push({ row, column: null, message: "import.problems.forbidden", values: { code: item.code } });
      }
      if (values.version !== item.version) {
        rowErrors.push({
          row,
          column: h.version,
          message: "import.problems.conflict",
          values: { code: item.code, file: values.version, current: item.version },
        });
      }
      // A revised due date needs a reason, as in the edit form; the first due date ever set does not.
      if (changedKeys.includes("dueDate") && current.dueDate !== null && !values.changeNote) {
        rowErrors.push({ row, column: h.changeNote, message: "validation.reasonRequired" });
      }
      rowErrors.push(...investmentProblems(item, changedKeys, target, row, h));
      if (reports) {
        // A report always says a status, a progress and a confidence (the report form asks for all three).
        if (target.confidence === null)
          rowErrors.push({ row, column: h.confidence, message: "import.problems.reportNeedsConfidence" });
        if (target.reportedProgress === null)
          rowErrors.push({ row, column: h.reportedProgress, message: "import.problems.reportNeedsProgress" });
        // 销号 needs evidence (and 申请销号), which a spreadsheet cannot carry: the item's report form does it.
        if (reviewRequired && target.status === "COMPLETED")
          rowErrors.push({
            row,
            column: h.status,
            message: "import.problems.closeOutNeedsEvidence",
            values: { code: item.code },
          });
      }
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({ row, code: item.code, title: item.title, changes: cellChanges, warnings, report });
    if (changedKeys.length > 0) {
      changes.push({
        itemId: item.id,
        code: item.code,
        row,
        expectedVersion: values.version,
        target,
        changedKeys: changedKeys.filter((k) => !REPORT_KEYS.has(k)),
        report: reports
          ? {
              status: target.status,
              progress: target.reportedProgress!,
              confidence: target.confidence!,
              open,
            }
          : null,
        investmentYear: year,
        originalDueDate:
          changedKeys.includes("dueDate") && item.originalDueDate === null
            ? (current.dueDate ?? target.dueDate)
            : undefined,
        reason: values.changeNote,
      });
    }
  }

  errors.sort(
    (a, b) =>
      (a.row ?? 0) - (b.row ?? 0) ||
      ITEM_COLUMNS.findIndex((c) => h[c.key] === a.column) - ITEM_COLUMNS.findIndex((c) => h[c.key] === b.column),
  );
  const changed = rows.filter((r) => r.changes.length > 0).length;
  return {
    plan: {
      fileName,
      fileHash: file.hash,
      rows,
      errors,
      counts: {
        rows: rows.length,
        changed,
        unchanged: rows.length - changed,
        cells: rows.reduce((n, r) => n + r.changes.length, 0),
        reports: changes.filter((c) => c.report !== null).length,
      },
      reviewRequired,
      keptColumns: ITEM_COLUMNS.filter((c) => c.editable && file.absent.includes(c.key)).map((c) => h[c.key]),
    },
    changes,
  };
}
