import { describe, expect, it } from "vitest";
import { periodContaining } from "../../lib/periods-calendar";

describe("automatic period layout", () => {
  it("lays out the month with its deadline day", () => {
    expect(periodContaining("2026-11-07", "MONTHLY", 25)).toEqual({
      label: "2026年11月",
      labelEn: "November 2026",
      opensOn: "2026-11-01",
      deadline: "2026-11-25",
      closesOn: "2026-11-30",
    });
  });

  it("caps the deadline at the month's last day (February, leap year)", () => {
    expect(periodContaining("2028-02-29", "MONTHLY", 31)).toMatchObject({
      deadline: "2028-02-29",
      closesOn: "2028-02-29",
    });
    expect(periodContaining("2027-02-01", "MONTHLY", 30)).toMatchObject({ deadline: "2027-02-28" });
  });

  it("lays out the quarter, due in its last month", () => {
    expect(periodContaining("2026-11-07", "QUARTERLY", 20)).toEqual({
      label: "2026年第四季度",
      labelEn: "Q4 2026",
      opensOn: "2026-10-01",
      deadline: "2026-12-20",
      closesOn: "2026-12-31",
    });
  });
});
