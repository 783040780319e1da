import { describe, expect, it } from "vitest";
import { periodContaining } from "../../lib/periods-calendar";

describe("automatic period layout", () => {
  // [day inside, kind, deadline day] → [label, English label, opens, deadline, closes]
  const cases = [
    ["2026-11-07", "MONTHLY", 25, "2026年11月", "November 2026", "2026-11-01", "2026-11-25", "2026-11-30"],
    // the deadline is capped at the month's last day (February of a leap year and of a common one)
    ["2028-02-29", "MONTHLY", 31, "2028年2月", "February 2028", "2028-02-01", "2028-02-29", "2028-02-29"],
    ["2027-02-01", "MONTHLY", 30, "2027年2月", "February 2027", "2027-02-01", "2027-02-28", "2027-02-28"],
    // a quarter is due in its last month
    ["2026-11-07", "QUARTERLY", 20, "2026年第四季度", "Q4 2026", "2026-10-01", "2026-12-20", "2026-12-31"],
    ["2027-01-01", "QUARTERLY", 25, "2027年第一季度", "Q1 2027", "2027-01-01", "2027-03-25", "2027-03-31"],
  ] as const;

  it.each(cases)("%s %s (due day %i) → %s", (day, kind, deadlineDay, label, labelEn, opensOn, deadline, closesOn) => {
    expect(periodContaining(day, kind, deadlineDay)).toEqual({ label, labelEn, opensOn, deadline, closesOn });
  });
});
