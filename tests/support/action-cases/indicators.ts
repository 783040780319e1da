// Permission-walk cases for the item page's 指标 forms. Adding, editing and removing an indicator need the item's
// fields' permission (item:update), reporting a value the progress report's (item:post-update), the 关键指标 mark
// administrators (indicator:headline). Each call changes something, so a successful call writes and the next
// one still has something to change: a new name, a moved target, a new value, the mark flipped; a removal
// removes an indicator the case makes first when the item has none left.
import { randomBytes } from "node:crypto";
import { todayInChina } from "../../../lib/dates";
import { fromUnits, toUnits } from "../../../lib/indicators";
import { addIndicator } from "../../../lib/writes/indicators";
import type { ActionCases, ActionContext } from "./types";

const suffix = () => randomBytes(4).toString("hex");

/** An indicator of the walk's item that is not removed: the first one, made (by an administrator) if none is. */
export async function walkIndicator(ctx: ActionContext) {
  const found = await ctx.db.indicator.findFirst({
    where: { itemId: ctx.itemId, removedAt: null },
    orderBy: { id: "asc" },
  });
  if (found) return found;
  const admin = await ctx.db.user.findFirstOrThrow({
    where: { role: "ADMIN", disabled: false },
    orderBy: { id: "asc" },
  });
  const written = await ctx.db.$transaction((tx) =>
    addIndicator(
      tx,
      { id: admin.id, role: "ADMIN", unitId: admin.unitId },
      {
        itemId: ctx.itemId,
        name: `walk indicator ${suffix()}`,
        unit: "公里",
        baseline: "0",
        target: "100",
        targetYear: 2030,
        direction: "HIGHER",
      },
    ),
  );
  return ctx.db.indicator.findUniqueOrThrow({ where: { id: written.indicatorId } });
}

const form = (fields: Record<string, string | number>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v));
  return f;
};

export const indicatorCases: ActionCases = {
  addIndicator: {
    permission: "item:update",
    buildArgs: (ctx) => [
      null,
      form({
        itemId: ctx.itemId,
        name: `walk indicator ${suffix()}`,
        unit: "个",
        baseline: "10",
        target: "25.5",
        targetYear: "2028",
        direction: "HIGHER",
      }),
    ],
  },
  updateIndicator: {
    permission: "item:update",
    buildArgs: async (ctx) => {
      const x = await walkIndicator(ctx);
      return [
        null,
        form({
          indicatorId: x.id,
          expectedVersion: x.version,
          name: x.name,
          unit: x.unit,
          baseline: fromUnits(toUnits(x.baseline)),
          target: fromUnits(toUnits(x.target) + 1n),
          targetYear: x.targetYear,
          direction: x.direction,
        }),
      ];
    },
  },
  removeIndicator: {
    permission: "item:update",
    buildArgs: async (ctx) => {
      const x = await walkIndicator(ctx);
      return [null, form({ indicatorId: x.id, expectedVersion: x.version })];
    },
  },
  reportIndicatorValue: {
    permission: "item:post-update",
    buildArgs: async (ctx) => {
      const x = await walkIndicator(ctx);
      const count = await ctx.db.indicatorValue.count({ where: { indicatorId: x.id } });
      return [null, form({ indicatorId: x.id, observedOn: todayInChina(), actual: `${count + 1}.25` })];
    },
  },
  setIndicatorHeadline: {
    permission: "indicator:headline",
    buildArgs: async (ctx) => {
      const x = await walkIndicator(ctx);
      return [null, form({ indicatorId: x.id, headline: x.headline ? "false" : "true" })];
    },
  },
};
