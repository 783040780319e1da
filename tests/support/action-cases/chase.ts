// Permission-walk cases for the chase's actions: 签收 and 反馈 of a 督办 (each call gets a fresh 督办 to the "own"
// editor's unit, so a successful call never disturbs the next), the calendar's entries and the chase's settings.
import { randomUUID } from "node:crypto";
import type { ActionCases, ActionContext } from "./types";

function form(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
}

/** A 督办 of year 2099 to the own editor's unit about the walk's item, not acknowledged. */
async function freshSupervision(ctx: ActionContext): Promise<number> {
  const [row] = await ctx.db.$queryRaw<{ n: number }[]>`
    SELECT coalesce(max(number), 0)::int + 1 AS n FROM supervisions WHERE year = 2099`;
  const s = await ctx.db.supervision.create({
    data: {
      key: `walk:${randomUUID()}`,
      year: 2099,
      number: row!.n,
      prefix: "川渝督",
      unitId: ctx.unitId,
      reason: "ITEM_OVERDUE",
      issuedAt: new Date("2099-03-02T01:00:00Z"),
      issuedOn: new Date("2099-03-02"),
      acknowledgeBy: new Date("2099-03-04"),
      replyBy: new Date("2099-03-09"),
      items: { create: [{ itemId: ctx.itemId, dueDate: new Date("2099-01-01"), daysOverdue: 60 }] },
    },
  });
  return s.id;
}

/** A day of 2098 no entry uses yet. */
async function freeDay(ctx: ActionContext): Promise<string> {
  const [row] = await ctx.db.$queryRaw<{ day: string }[]>`
    SELECT to_char(coalesce(max(day) + 1, DATE '2098-01-01'), 'YYYY-MM-DD') AS day
      FROM calendar_days WHERE day >= DATE '2098-01-01'`;
  return row!.day;
}

export const chaseCases: ActionCases = {
  acknowledgeSupervision: {
    permission: "supervision:respond",
    buildArgs: async (ctx) => [null, form({ supervisionId: await freshSupervision(ctx) })],
  },
  answerSupervision: {
    permission: "supervision:respond",
    buildArgs: async (ctx) => [
      null,
      form({ supervisionId: await freshSupervision(ctx), answer: "已按要求办理，进展报告已补报。" }),
    ],
  },
  addCalendarEntry: {
    permission: "calendar:manage",
    buildArgs: async (ctx) => [null, form({ day: await freeDay(ctx), workday: "off", name: "走查假日" })],
  },
  removeCalendarEntry: {
    permission: "calendar:manage",
    buildArgs: async (ctx) => {
      const day = await freeDay(ctx);
      await ctx.db.calendarDay.create({ data: { day: new Date(day), workday: true, name: "走查调休" } });
      return [null, form({ day })];
    },
  },
  updateChaseSettings: {
    permission: "cycle:configure",
    buildArgs: async (ctx) => {
      const s = await ctx.db.chaseSettings.findUniqueOrThrow({ where: { id: 1 } });
      return [
        null,
        form({
          reminderWorkdays: s.reminderWorkdays,
          superviseWorkdays: s.superviseWorkdays,
          overdueDays: s.overdueDays,
          acknowledgeWorkdays: s.acknowledgeWorkdays,
          answerWorkdays: s.answerWorkdays,
          ...(s.escalate ? { escalate: "on" } : {}),
          noticePrefix: s.noticePrefix,
        }),
      ];
    },
  },
};
