// How to call each editing action legitimately, for the permission walk (tests/integration/permissions.test.ts):
// given an item of the seeded database, the arguments a real form would send. The walk checks who is
// allowed or refused; behaviour is tested in tests/integration/item-actions.test.ts.
import type { ActionCases } from "./types";

function form(fields: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [key, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) fd.append(key, v);
  return fd;
}

export const itemActionCases: ActionCases = {
  postProgressUpdate: {
    permission: "item:post-update",
    buildArgs: (ctx) => [
      null,
      form({
        itemId: String(ctx.itemId),
        expectedVersion: String(ctx.version),
        status: "IN_PROGRESS",
        progress: "50",
        confidence: "AMBER",
        note: "权限测试填报",
      }),
    ],
  },
  updateItem: {
    permission: "item:update",
    buildArgs: (ctx) => [
      null,
      // A reason is sent so the request stays valid whatever due date the item had.
      form({
        itemId: String(ctx.itemId),
        expectedVersion: String(ctx.version),
        responsiblePerson: "权限测试",
        weight: "3",
        startDate: "",
        dueDate: "2030-12-31",
        dueDateReason: "权限测试",
      }),
    ],
  },
  bulkUpdateItems: {
    permission: "item:post-update",
    buildArgs: (ctx) => [null, form({ items: `${ctx.itemId}:${ctx.version}`, confidence: "RED" })],
  },
  addMilestone: {
    permission: "item:update",
    buildArgs: (ctx) => [
      null,
      form({ itemId: String(ctx.itemId), title: "权限测试里程碑", plannedDate: "2030-06-30" }),
    ],
  },
  completeMilestone: {
    permission: "item:update",
    buildArgs: (ctx) => [null, form({ itemId: String(ctx.itemId), milestoneId: String(ctx.milestoneId) })],
  },
  reopenMilestone: {
    permission: "item:update",
    buildArgs: (ctx) => [null, form({ itemId: String(ctx.itemId), milestoneId: String(ctx.milestoneId) })],
  },
  removeMilestone: {
    permission: "item:update",
    buildArgs: (ctx) => [null, form({ itemId: String(ctx.itemId), milestoneId: String(ctx.milestoneId) })],
  },
};
