// Amounts and rates as spreadsheet numbers: a cell gets the double of the decimal string itself (which prints
// back as the same decimal), never the result of arithmetic; an amount a double cannot hold stays exact text.
import { describe, expect, it } from "vitest";
import { amountCellValue, rateFraction } from "@/lib/export/xlsx-amounts";

describe("amountCellValue", () => {
  it("writes amounts up to 15 significant digits as numbers that print back as the same decimal", () => {
    for (const amount of ["0.00", "0.07", "0.10", "1234.50", "98765432.10", "9999999999999.99", "200000.00"]) {
      const value = amountCellValue(amount);
      expect(typeof value, amount).toBe("number");
      // What exceljs writes into the sheet's XML: String(value).
      expect(Number(String(value)).toFixed(2), amount).toBe(amount);
      expect(String(value), amount).toBe(amount.replace(/\.?0+$/, "") || "0");
    }
  });

  it("keeps an amount a double cannot hold as its exact text", () => {
    // 18 significant digits: Number() would round it to 1234567890123456.8.
    expect(amountCellValue("1234567890123456.78")).toBe("1234567890123456.78");
    expect(amountCellValue("99999999999999.99")).toBe("99999999999999.99");
  });
});

describe("rateFraction", () => {
  it("moves the decimal point instead of dividing (0.7 / 100 is 0.006999999999999999)", () => {
    expect(rateFraction("85.3")).toBe(0.853);
    expect(rateFraction("0.7")).toBe(0.007);
    expect(rateFraction("100.0")).toBe(1);
    expect(rateFraction("1234.5")).toBe(12.345);
    expect(rateFraction("0.0")).toBe(0);
    expect(rateFraction("7")).toBe(0.07);
  });
});
