// How automatic periods are laid out on the calendar: monthly (the month, due on the deadline day) or
// quarterly (the quarter, due on the deadline day of its last month). Pure, so it is tested directly.
import type { PeriodKind } from "./generated/prisma/enums";

export interface PeriodDates {
  label: string;
  labelEn: string;
  /** YYYY-MM-DD */
  opensOn: string;
  deadline: string;
  closesOn: string;
}

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const QUARTERS_ZH = ["第一季度", "第二季度", "第三季度", "第四季度"];

const pad = (n: number) => String(n).padStart(2, "0");
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** Days in month `m` (1–12) of year `y`. */
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The automatic period (MONTHLY or QUARTERLY) that contains `today` (YYYY-MM-DD). */
export function periodContaining(today: string, kind: Exclude<PeriodKind, "CUSTOM">, deadlineDay: number): PeriodDates {
  const [y, m] = today.split("-").map(Number) as [number, number];
  if (kind === "MONTHLY") {
    const last = daysIn(y, m);
    return {
      label: `${y}年${m}月`,
      labelEn: `${MONTHS_EN[m - 1]} ${y}`,
      opensOn: day(y, m, 1),
      deadline: day(y, m, Math.min(deadlineDay, last)),
      closesOn: day(y, m, last),
    };
  }
  const q = Math.floor((m - 1) / 3);
  const first = q * 3 + 1;
  const lastMonth = first + 2;
  const last = daysIn(y, lastMonth);
  return {
    label: `${y}年${QUARTERS_ZH[q]}`,
    labelEn: `Q${q + 1} ${y}`,
    opensOn: day(y, first, 1),
    deadline: day(y, lastMonth, Math.min(deadlineDay, last)),
    closesOn: day(y, lastMonth, last),
  };
}
