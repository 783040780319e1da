// Permission-walk cases for the administration actions (accounts, units, item tree). Each buildArgs creates
// the rows its call acts on, under fresh names, so a successful call never disturbs the walk's own accounts
// and items (or the next call of the same action).
import { randomBytes } from "node:crypto";
import { addTreeItem, retireTreeItem } from "../../../lib/writes/item-tree";
import type { ActionCases, ActionContext } from "./types";

const suffix = () => randomBytes(4).toString("hex");

function form(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
}

async function newUser(ctx: ActionContext, extra: { pendingApproval?: boolean } = {}) {
  return ctx.db.user.create({
    data: {
      loginName: `walk.${suffix()}`,
      displayName: "walk account",
      passwordHash: "!",
      role: "VIEWER",
      unitId: extra.pendingApproval ? null : ctx.unitId,
      disabled: Boolean(extra.pendingApproval),
      pendingApproval: Boolean(extra.pendingApproval),
    },
  });
}

/** The recommendation above the walk's item, and another active one to move to. */
async function recommendations(ctx: ActionContext): Promise<{ own: number; other: number }> {
  const item = await ctx.db.item.findUniqueOrThrow({ where: { id: ctx.itemId }, select: { parentId: true } });
  const other = await ctx.db.item.findFirstOrThrow({
    where: { level: "RECOMMENDATION", retiredAt: null, id: { not: item.parentId ?? undefined } },
    orderBy: { code: "asc" },
  });
  return { own: item.parentId!, other: other.id };
}

/** A fresh action item of the walk's own, under the walk item's recommendation. */
async function newAction(ctx: ActionContext): Promise<{ id: number; recs: { own: number; other: number } }> {
  const recs = await recommendations(ctx);
  const added = await ctx.db.$transaction((tx) =>
    addTreeItem(
      tx,
      { parent: { kind: "item", id: recs.own }, title: `walk item ${suffix()}`, titleEn: null, description: null },
      { actorId: null },
    ),
  );
  return { id: added.id, recs };
}

export const adminCases: ActionCases = {
  createUser: {
    permission: "user:manage",
    buildArgs: (ctx) => [
      null,
      form({
        loginName: `walk.${suffix()}`,
        displayName: "新账号",
        role: "VIEWER",
        unitId: ctx.unitId,
        password: "Walk#Pass2026x",
        passwordConfirm: "Walk#Pass2026x",
      }),
    ],
  },
  updateUser: {
    permission: "user:manage",
    buildArgs: async (ctx) => {
      const user = await newUser(ctx);
      return [
        null,
        form({
          userId: user.id,
          displayName: "改名后",
          role: "EDITOR",
          unitId: ctx.unitId,
          email: `${user.loginName}@example.gov.cn`,
        }),
      ];
    },
  },
  setUserDisabled: {
    permission: "user:manage",
    buildArgs: async (ctx) => [null, form({ userId: (await newUser(ctx)).id, disabled: "true" })],
  },
  resetPassword: {
    permission: "user:manage",
    buildArgs: async (ctx) => [
      null,
      form({ userId: (await newUser(ctx)).id, password: "Reset#Pass2026y", passwordConfirm: "Reset#Pass2026y" }),
    ],
  },
  approveUser: {
    permission: "user:manage",
    buildArgs: async (ctx) => [
      null,
      form({ userId: (await newUser(ctx, { pendingApproval: true })).id, role: "EDITOR", unitId: ctx.unitId }),
    ],
  },
  createUnit: {
    permission: "unit:manage",
    buildArgs: () => [null, form({ name: `示例单位 ${suffix()}`, shortName: "", side: "JOINT", kind: "COORDINATION" })],
  },
  updateUnit: {
    permission: "unit:manage",
    buildArgs: async (ctx) => {
      const unit = await ctx.db.unit.create({
        data: { name: `示例单位 ${suffix()}`, side: "SICHUAN", kind: "DEPARTMENT" },
      });
      return [
        null,
        form({
          unitId: unit.id,
          name: `改名单位 ${suffix()}`,
          shortName: "改名",
          side: "CHONGQING",
          kind: "DEPARTMENT",
          contactUserId: "",
        }),
      ];
    },
  },
  addItem: {
    permission: "item:manage-tree",
    buildArgs: async (ctx) => [
      null,
      form({ parent: `item:${(await recommendations(ctx)).own}`, title: `新增事项 ${suffix()}` }),
    ],
  },
  moveItem: {
    permission: "item:manage-tree",
    buildArgs: async (ctx) => {
      const { id, recs } = await newAction(ctx);
      return [null, form({ itemId: id, version: 1, parent: `item:${recs.other}`, reason: "调整归属" })];
    },
  },
  retireItem: {
    permission: "item:manage-tree",
    buildArgs: async (ctx) => [null, form({ itemId: (await newAction(ctx)).id, version: 1, reason: "不再单列" })],
  },
  restoreItem: {
    permission: "item:manage-tree",
    buildArgs: async (ctx) => {
      const { id } = await newAction(ctx);
      await ctx.db.$transaction((tx) =>
        retireTreeItem(tx, { itemId: id, expectedVersion: 1 }, { actorId: null, reason: "walk" }),
      );
      return [null, form({ itemId: id, version: 2, reason: "恢复单列" })];
    },
  },
};
