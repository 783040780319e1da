// China's working-day calendar: the package's published years with their 调休 make-up days, and an
// administrator's entries for a year the package does not know yet.
import { describe, expect, it } from "vitest";
import { packageCovers, WorkCalendar } from "../../lib/workdays";

describe("WorkCalendar", () => {
  const cal = new WorkCalendar();

  it("takes public holidays off and 调休 weekends on", () => {
    expect(cal.isWorkday("2026-10-01")).toBe(false); // 国庆节, a Thursday
    expect(cal.isWorkday("2026-10-10")).toBe(true); // a Saturday worked for 国庆
    expect(cal.isWorkday("2026-02-14")).toBe(true); // a Saturday worked for 春节
    expect(cal.isWorkday("2026-10-11")).toBe(false); // an ordinary Sunday
    expect(cal.isWorkday("2026-10-12")).toBe(true); // an ordinary Monday
  });

  it("counts working days across a holiday and a make-up Saturday", () => {
    // 2026-09-30 (Wed) + 1 working day: 10-01…10-07 are off, 10-08 (Thu) works.
    expect(cal.addWorkdays("2026-09-30", 1)).toBe("2026-10-08");
    // From Thursday 10-08: Fri 10-09, then Saturday 10-10 is a make-up working day.
    expect(cal.addWorkdays("2026-10-08", 2)).toBe("2026-10-10");
    // 3 working days before Monday 2026-10-12: Sat 10-10, Fri 10-09, Thu 10-08.
    expect(cal.addWorkdays("2026-10-12", -3)).toBe("2026-10-08");
    expect(cal.workdaysBetween("2026-09-30", "2026-10-12")).toBe(4); // 10-08, 10-09, 10-10, 10-12
    expect(cal.addWorkdays("2026-10-03", 0)).toBe("2026-10-08");
    expect(cal.addWorkdays("2026-10-12", 0)).toBe("2026-10-12");
  });

  it("tells which years it does not know, and an administrator's entries cover them", () => {
    expect(packageCovers(2026)).toBe(true);
    const unknown = cal.uncoveredYears(2026, 2040);
    expect(unknown).toContain(2040);
    const year = unknown[0]!;
    // Unknown years fall back to weekdays; an entry makes 1 January a holiday and a Sunday a working day.
    const entered = new WorkCalendar([
      { day: `${year}-01-01`, workday: false, name: "元旦" },
      { day: `${year}-01-03`, workday: true, name: "元旦调休" },
    ]);
    expect(entered.uncoveredYears(year, year)).toEqual([]);
    expect(entered.isWorkday(`${year}-01-01`)).toBe(false);
    expect(entered.isWorkday(`${year}-01-03`)).toBe(true);
    // An entry also overrides the package's published day.
    expect(new WorkCalendar([{ day: "2026-10-12", workday: false, name: "测试" }]).isWorkday("2026-10-12")).toBe(false);
  });

  it("refuses what is not a calendar date or a whole number of days", () => {
    expect(() => cal.isWorkday("2026-02-30")).toThrow(RangeError);
    expect(() => cal.addWorkdays("2026-10-12", 1.5)).toThrow(RangeError);
  });
});
