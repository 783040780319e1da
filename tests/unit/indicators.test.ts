// 指标 figures: parsing what people type into exact decimal text, 完成度 on BigInts in both directions (the one
// formula the item page and the dashboard share), formatting, and the sparkline's geometry.
import { describe, expect, it } from "vitest";
import {
  completion,
  completionShare,
  formatWithUnit,
  parseFigure,
  sparklinePoints,
  targetFitsDirection,
  toUnits,
  fromUnits,
} from "../../lib/indicators";

describe("parseFigure", () => {
  it("answers the canonical text of a signed figure with up to four decimals", () => {
    expect(parseFigure(" 1,234.5000 ")).toEqual({ ok: true, value: "1234.5" });
    expect(parseFigure("-2.50")).toEqual({ ok: true, value: "-2.5" });
    expect(parseFigure("+0007")).toEqual({ ok: true, value: "7" });
    expect(parseFigure("-0.000")).toEqual({ ok: true, value: "0" });
    expect(parseFigure(".5")).toEqual({ ok: true, value: "0.5" });
    expect(parseFigure("12345678901234.1234")).toEqual({ ok: true, value: "12345678901234.1234" });
  });

  it("refuses exponents, text, a fifth decimal and a fifteenth integer digit", () => {
    for (const raw of ["1e5", "NaN", "Infinity", "abc", "1..2", "--1", "１２", "", "-", "."])
      expect(parseFigure(raw), raw).toEqual({ ok: false, problem: "format" });
    expect(parseFigure("1.00001")).toEqual({ ok: false, problem: "decimals" });
    expect(parseFigure("123456789012345")).toEqual({ ok: false, problem: "tooLarge" });
  });

  it("round-trips through ten-thousandths exactly, past what a double holds", () => {
    for (const v of ["0.1", "-0.0001", "99999999999999.9999", "12.3456"]) expect(fromUnits(toUnits(v))).toBe(v);
    expect(toUnits("0.1") + toUnits("0.2")).toBe(toUnits("0.3"));
  });
});

describe("completion (完成度)", () => {
  it("measures from the baseline towards the target when higher is better", () => {
    expect(completion("0", "120", "30")).toBe("25.0");
    expect(completion("100", "200", "150")).toBe("50.0");
    expect(completion("100", "200", "100")).toBe("0.0");
    expect(completion("100", "200", "250")).toBe("150.0");
    expect(completion("100", "200", "90")).toBe("-10.0");
  });

  it("measures the same way when lower is better (the target below the baseline)", () => {
    expect(completion("50", "20", "35")).toBe("50.0");
    expect(completion("50", "20", "20")).toBe("100.0");
    expect(completion("50", "20", "60")).toBe("-33.3");
    expect(completion("-1", "-3", "-2.5")).toBe("75.0");
  });

  it("rounds half away from zero to one decimal, exactly", () => {
    expect(completion("0", "3", "1")).toBe("33.3");
    expect(completion("0", "3", "2")).toBe("66.7");
    expect(completion("0", "2000", "1")).toBe("0.1"); // 0.05 → 0.1
    expect(completion("0", "2000", "-1")).toBe("-0.1");
    expect(completion("0", "0.0003", "0.0001")).toBe("33.3");
  });

  it("is null without an actual value or with a target equal to the baseline", () => {
    expect(completion("0", "10", null)).toBeNull();
    expect(completion("5", "5", "5")).toBeNull();
  });

  it("clamps the bar's share to 0–100", () => {
    expect([completionShare("150.0"), completionShare("-3.0"), completionShare("42.5"), completionShare(null)]).toEqual(
      [100, 0, 42.5, 0],
    );
  });

  it("knows which side of the baseline the target must be on", () => {
    expect(targetFitsDirection("HIGHER", "1", "2")).toBe(true);
    expect(targetFitsDirection("HIGHER", "2", "2")).toBe(false);
    expect(targetFitsDirection("LOWER", "2", "1.9999")).toBe(true);
    expect(targetFitsDirection("LOWER", "2", "3")).toBe(false);
  });
});

describe("formatting and the sparkline", () => {
  it("groups thousands and places the unit", () => {
    expect(formatWithUnit("1234567.25", "公里")).toBe("1,234,567.25 公里");
    expect(formatWithUnit("-35.5", "%")).toBe("-35.5%");
    expect(formatWithUnit(null, "个")).toBe("—");
  });

  it("spreads points by day and value inside the box, a single point in the middle", () => {
    const pts = sparklinePoints(
      [
        { observedOn: "2026-01-01", actual: "10" },
        { observedOn: "2026-01-11", actual: "30" },
        { observedOn: "2026-01-21", actual: "20" },
      ],
      120,
      32,
      2,
    );
    expect(pts).toEqual([
      { x: 2, y: 30 },
      { x: 60, y: 2 },
      { x: 118, y: 16 },
    ]);
    expect(sparklinePoints([{ observedOn: "2026-01-01", actual: "5" }], 120, 32)).toEqual([{ x: 60, y: 16 }]);
    expect(sparklinePoints([], 120, 32)).toEqual([]);
  });
});
