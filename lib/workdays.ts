// Working days (工作日) in China's official calendar: weekends off, public holidays off, and the 调休 make-up
// days (a Saturday or Sunday worked in exchange for a longer holiday) on. The State Council publishes each
// year's calendar in the autumn before; the `chinese-days` package carries the published years, and an
// administrator's entries (calendar_days) cover a year the installed package does not know yet, or correct it.
// Entries win over the package. Reminders, 催办 and 督办 count their "N working days" here.
import * as chineseDaysModule from "chinese-days";
import { addDays, isIsoDate } from "./dates";

type ChineseDays = typeof chineseDaysModule;
// The package's CommonJS build (what Node loads: "type": "commonjs") is a UMD bundle whose export names Node
// cannot detect, so under Node they arrive only as `default`; bundlers that take its "module" entry see them by name.
const chineseDays: ChineseDays =
  (chineseDaysModule as ChineseDays & { default?: ChineseDays }).default ?? chineseDaysModule;
const { getDayDetail, isWorkday: packageIsWorkday } = chineseDays;

/** An administrator's entry for one day: a working day or not, with the holiday's name. */
export interface CalendarEntry {
  day: string;
  workday: boolean;
  name: string | null;
}

function assertDay(day: string): void {
  if (!isIsoDate(day)) throw new RangeError(`not a calendar date: ${day}`);
}

/**
 * Whether the installed package carries `year`'s official calendar. 元旦 (1 January) is a public holiday in
 * every published year, so a package that does not name it 元旦 has not got that year (it would name the weekday).
 */
export function packageCovers(year: number): boolean {
  return getDayDetail(`${year}-01-01`).name.includes("元旦");
}

export class WorkCalendar {
  private readonly entries: Map<string, CalendarEntry>;

  constructor(entries: readonly CalendarEntry[] = []) {
    this.entries = new Map(entries.map((e) => [e.day, e]));
  }

  /** The years in [from, to] known neither to the package nor by any administrator's entry: to be entered. */
  uncoveredYears(from: number, to: number): number[] {
    const entered = new Set([...this.entries.keys()].map((d) => Number(d.slice(0, 4))));
    const missing: number[] = [];
    for (let y = from; y <= to; y++) if (!packageCovers(y) && !entered.has(y)) missing.push(y);
    return missing;
  }

  isWorkday(day: string): boolean {
    assertDay(day);
    const entry = this.entries.get(day);
    if (entry) return entry.workday;
    const year = Number(day.slice(0, 4));
    if (packageCovers(year)) return packageIsWorkday(day);
    // A year nobody has published here yet: weekdays work, weekends do not.
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The working day `n` working days after `day` (n > 0) or before it (n < 0); n = 0 gives `day` itself when it
   * is a working day, else the next working day.
   */
  addWorkdays(day: string, n: number): string {
    assertDay(day);
    if (!Number.isInteger(n)) throw new RangeError(`not a whole number of working days: ${n}`);
    const step = n < 0 ? -1 : 1;
    let current = day;
    if (n === 0) {
      while (!this.isWorkday(current)) current = addDays(current, 1);
      return current;
    }
    let left = Math.abs(n);
    while (left > 0) {
      current = addDays(current, step);
      if (this.isWorkday(current)) left -= 1;
    }
    return current;
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workdaysBetween(from: string, to: string): number {
    assertDay(from);
    assertDay(to);
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkday(d)) count += 1;
    return count;
  }
}
