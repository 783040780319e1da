// The sample year's reporting periods (示例数据): the twelve months before `now`'s month, closed, and `now`'s
// month, open. Laid out as lib/periods-calendar.ts lays out automatic periods (the rows themselves are made by
// openDuePeriods when the sample's clock reaches each opening day), as day numbers of the sample calendar and
// the instants at which the ticker would open and close them. Pure: no database.
import { endOfDay, todayInChina } from "../../../lib/dates";
import { periodContaining } from "../../../lib/periods-calendar";
import { DAY_MS, type SampleCalendar } from "./random";

/** How many closed periods the sample has before the current one, unless told otherwise (SAMPLE_MONTHS). */
export const CLOSED_PERIODS = 12;
/** The fewest it can have: the sample calendar needs two months before now. */
export const MIN_CLOSED_PERIODS = 2;

export interface PeriodSlot {
  index: number;
  label: string;
  /** YYYY-MM-DD */
  opensOn: string;
  deadline: string;
  closesOn: string;
  /** the same days as sample day numbers (cal.date(n) is that day) */
  opensDay: number;
  deadlineDay: number;
  closesDay: number;
  /** the period containing `now`: open, not closed by the sample */
  current: boolean;
  /** when the ticker opens it: two minutes into its opening day (China) */
  openAt: number;
  /** when the ticker closes it: a minute after its closing day ends (China); null for the current period */
  closeAt: number | null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The first day (YYYY-MM-DD) of the month `offset` months from the month of `day`. */
function monthStart(day: string, offset: number): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + offset, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-01`;
}

/**
 * The sample's first instant: midnight (China) on the first day of the month before its first period, so the
 * items are assigned (and their obligations fixed) before any period opens, and (with twelve closed periods) a
 * 12-month trend is filled.
 */
export function sampleStartFor(now: Date, closedPeriods = CLOSED_PERIODS): Date {
  const first = monthStart(todayInChina(now), -(closedPeriods + 1));
  return new Date(`${first}T00:00:00+08:00`);
}

export function samplePeriods(cal: SampleCalendar, deadlineDay: number): PeriodSlot[] {
  const today = todayInChina(cal.now);
  const dayNumber = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - cal.day0.getTime()) / DAY_MS);
  // As many closed periods as sampleStartFor left room for: the months from the start's month to now's, less one.
  const [sy, sm] = todayInChina(cal.start).split("-").map(Number) as [number, number];
  const [ty, tm] = today.split("-").map(Number) as [number, number];
  const closed = (ty - sy) * 12 + (tm - sm) - 1;
  const slots: PeriodSlot[] = [];
  for (let index = 0; index <= closed; index++) {
    const p = periodContaining(monthStart(today, index - closed), "MONTHLY", deadlineDay);
    const current = index === closed;
    slots.push({
      index,
      label: p.label,
      opensOn: p.opensOn,
      deadline: p.deadline,
      closesOn: p.closesOn,
      opensDay: dayNumber(p.opensOn),
      deadlineDay: dayNumber(p.deadline),
      closesDay: dayNumber(p.closesOn),
      current,
      openAt: new Date(`${p.opensOn}T00:02:00+08:00`).getTime(),
      closeAt: current ? null : endOfDay(p.closesOn).getTime() + 60_000,
    });
  }
  return slots;
}

/** The period whose days include sample day `day` (-1: before the first). */
export function periodOfDay(periods: readonly PeriodSlot[], day: number): number {
  return periods.findIndex((p) => p.opensDay <= day && day <= p.closesDay);
}
