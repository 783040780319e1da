// Permission-walk cases for the report actions (lib/actions/reports.ts; a report is submitted with
// postProgressUpdate, whose case is in items.ts). Each buildArgs creates the report its
// call acts on — a draft or a submitted report of the walk's item, by the walk item's own unit — so every call
// meets a report in the state its step needs, and a successful call never disturbs the next one.
import type { ReportState } from "../../../lib/generated/prisma/enums";
import type { ActionCases, ActionContext } from "./types";

function form(fields: Record<string, string | number | string[]>): FormData {
  const fd = new FormData();
  for (const [key, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) fd.append(key, String(v));
  return fd;
}

/** A report of the walk's item by its own unit, in `state`, at revision 1. */
async function newReport(ctx: ActionContext, state: ReportState): Promise<number> {
  const at = new Date();
  const report = await ctx.db.progressUpdate.create({
    data: {
      itemId: ctx.itemId,
      unitId: ctx.unitId,
      authorId: null,
      state,
      revision: 1,
      status: "IN_PROGRESS",
      progress: 30,
      confidence: "AMBER",
      note: "权限测试报告",
      createdAt: at,
      updatedAt: at,
      submittedAt: state === "DRAFT" ? null : at,
    },
  });
  return report.id;
}

/** The report form as the unit sends it, for a report of the walk's item. */
const reportForm = (ctx: ActionContext, reportId: number) =>
  form({
    itemId: ctx.itemId,
    expectedVersion: ctx.version,
    reportId,
    expectedRevision: 1,
    status: "IN_PROGRESS",
    progress: "35",
    confidence: "AMBER",
    note: "权限测试填报",
    nextSteps: "",
    blockers: "",
    evidenceLinks: "",
    docNumber: "川办〔2031〕1号",
    closesItem: "false",
  });

export const reportActionCases: ActionCases = {
  saveReportDraft: {
    permission: "item:post-update",
    buildArgs: async (ctx) => [null, reportForm(ctx, await newReport(ctx, "DRAFT"))],
  },
  withdrawReport: {
    permission: "item:post-update",
    buildArgs: async (ctx) => [null, form({ reportId: await newReport(ctx, "SUBMITTED"), expectedRevision: 1 })],
  },
  approveReport: {
    permission: "report:review",
    buildArgs: async (ctx) => [
      null,
      form({ reportId: await newReport(ctx, "SUBMITTED"), expectedRevision: 1, comment: "权限测试：同意" }),
    ],
  },
  returnReport: {
    permission: "report:review",
    buildArgs: async (ctx) => [
      null,
      form({ reportId: await newReport(ctx, "SUBMITTED"), expectedRevision: 1, comment: "权限测试：请补充" }),
    ],
  },
  decideReports: {
    permission: "report:review",
    buildArgs: async (ctx) => [
      null,
      form({ reports: [`${await newReport(ctx, "SUBMITTED")}:1`], decision: "approve", comment: "权限测试：批量" }),
    ],
  },
};
