// How to call the evidence actions legitimately, for the permission walks (tests/integration/permissions.test.ts,
// e2e/access-matrix.spec.ts) and the hostile-input test: a draft report of the item by its lead unit (one per
// item, made once) and, for each call, a fresh evidence file on it to remove. Behaviour is tested in
// tests/integration/evidence.test.ts.
import { createHash, randomBytes } from "node:crypto";
import type { ActionCases, ActionContext } from "./types";

const REPORT_NOTE = "权限测试：佐证材料的报告";

async function draftReport(ctx: ActionContext): Promise<number> {
  const found = await ctx.db.progressUpdate.findFirst({
    where: { itemId: ctx.itemId, unitId: ctx.unitId, state: "DRAFT", note: REPORT_NOTE },
    select: { id: true },
  });
  if (found) return found.id;
  const created = await ctx.db.progressUpdate.create({
    data: {
      itemId: ctx.itemId,
      unitId: ctx.unitId,
      status: "IN_PROGRESS",
      progress: 10,
      confidence: "GREEN",
      note: REPORT_NOTE,
      state: "DRAFT",
    },
    select: { id: true },
  });
  return created.id;
}

/** A fresh small PDF attached to the item's draft report (written directly: the walk tests the action). */
export async function evidenceFileFor(ctx: ActionContext): Promise<number> {
  const content = Buffer.from(`%PDF-1.4\n% 权限测试 ${randomBytes(6).toString("hex")}\n%%EOF\n`);
  const row = await ctx.db.attachment.create({
    data: {
      reportId: await draftReport(ctx),
      fileName: "权限测试佐证.pdf",
      mediaType: "application/pdf",
      size: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
      content,
    },
    select: { id: true },
  });
  return row.id;
}

export const evidenceCases: ActionCases = {
  removeEvidence: {
    permission: "item:post-update",
    buildArgs: async (ctx) => {
      const fd = new FormData();
      fd.set("attachmentId", String(await evidenceFileFor(ctx)));
      return [null, fd];
    },
  },
};
