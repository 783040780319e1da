// Permission-walk cases for the reporting-period actions. Each buildArgs makes the period its call acts on in a
// month after every existing period, so a successful call never disturbs another case (or the next call).
import type { ActionCases, ActionContext } from "./types";

function form(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
}

/** The first month (YYYY-MM-01 … last day) after every existing period. */
async function freeMonth(ctx: ActionContext): Promise<{ opens: string; deadline: string; closes: string; n: string }> {
  const [row] = await ctx.db.$queryRaw<{ last: Date | null }[]>`SELECT max(closes_on) AS last FROM reporting_periods`;
  const after = row?.last && row.last > new Date("2040-01-01") ? row.last : new Date("2040-01-01");
  const first = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth() + 1, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return {
    opens: iso(first),
    deadline: iso(new Date(first.getTime() + 19 * 86_400_000)),
    closes: iso(last),
    n: iso(first).slice(0, 7),
  };
}

export const periodCases: ActionCases = {
  closePeriodEarly: {
    permission: "period:manage",
    buildArgs: async (ctx) => {
      const m = await freeMonth(ctx);
      const period = await ctx.db.reportingPeriod.create({
        data: {
          kind: "CUSTOM",
          label: `走查周期 ${m.n}`,
          labelEn: `Walk ${m.n}`,
          opensOn: new Date(m.opens),
          deadline: new Date(m.deadline),
          closesOn: new Date(m.closes),
          openedAt: new Date(),
        },
      });
      return [null, form({ periodId: period.id })];
    },
  },
  createCustomPeriod: {
    permission: "period:manage",
    buildArgs: async (ctx) => {
      const m = await freeMonth(ctx);
      return [
        null,
        form({
          label: `自定义周期 ${m.n}`,
          labelEn: `Custom ${m.n}`,
          opensOn: m.opens,
          deadline: m.deadline,
          closesOn: m.closes,
        }),
      ];
    },
  },
  updateCycleSettings: {
    permission: "cycle:configure",
    buildArgs: async (ctx) => {
      const s = await ctx.db.cycleSettings.findUniqueOrThrow({ where: { id: 1 } });
      return [
        null,
        form({
          periodKind: s.periodKind,
          deadlineDay: s.deadlineDay,
          ...(s.reviewRequired ? { reviewRequired: "on" } : {}),
        }),
      ];
    },
  },
};
