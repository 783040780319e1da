import { describe, expect, it } from "vitest";
import {
  amountText,
  completionRate,
  formatAmount,
  formatAmountChange,
  fromCents,
  parseAmount,
  sumAmounts,
  toCents,
} from "../../lib/money";

describe("parseAmount", () => {
  it("reads plain and grouped amounts to two decimals", () => {
    expect(parseAmount("1234.5")).toEqual({ ok: true, value: "1234.50" });
    expect(parseAmount(" 1,234,567.89 ")).toEqual({ ok: true, value: "1234567.89" });
    expect(parseAmount("0")).toEqual({ ok: true, value: "0.00" });
    expect(parseAmount(".5")).toEqual({ ok: true, value: "0.50" });
    expect(parseAmount("1.230")).toEqual({ ok: true, value: "1.23" });
    expect(parseAmount("9999999999999999.99")).toEqual({ ok: true, value: "9999999999999999.99" });
  });
  it("refuses text, exponents, negatives, a third decimal and 17 integer digits", () => {
    expect(parseAmount("abc")).toEqual({ ok: false, problem: "format" });
    expect(parseAmount("1e400")).toEqual({ ok: false, problem: "format" });
    expect(parseAmount("0x10")).toEqual({ ok: false, problem: "format" });
    expect(parseAmount("")).toEqual({ ok: false, problem: "format" });
    expect(parseAmount(".")).toEqual({ ok: false, problem: "format" });
    expect(parseAmount("-5")).toEqual({ ok: false, problem: "negative" });
    expect(parseAmount("-0.5")).toEqual({ ok: false, problem: "negative" });
    expect(parseAmount("1.123456789012345")).toEqual({ ok: false, problem: "decimals" });
    expect(parseAmount("10000000000000000")).toEqual({ ok: false, problem: "tooLarge" });
  });
});

describe("cents", () => {
  it("adds exactly where floating point would not", () => {
    expect(sumAmounts(["0.10", "0.20"])).toBe("0.30");
    expect(sumAmounts(["9999999999999999.99", "0.01", null])).toBe("10000000000000000.00");
    expect(fromCents(toCents("-12.3"))).toBe("-12.30");
    expect(amountText("5")).toBe("5.00");
    expect(amountText({ toFixed: () => "7.10" })).toBe("7.10");
  });
  it("computes the completion rate half up to a tenth of a percent", () => {
    expect(completionRate("1", "3")).toBe("33.3");
    expect(completionRate("2", "3")).toBe("66.7");
    expect(completionRate("150", "100")).toBe("150.0");
    expect(completionRate("1", "0")).toBeNull();
    expect(completionRate(null, "5")).toBeNull();
  });
});

describe("formatAmount", () => {
  it("writes 万元 below 1 亿 and 亿元 from 1 亿 up, or millions and billions of yuan", () => {
    expect(formatAmount("3456.78", "zh-CN")).toBe("3,456.78万元");
    expect(formatAmount("123456.78", "zh-CN")).toBe("12.35亿元");
    expect(formatAmount("123456.78", "zh-CN", "wan")).toBe("123,456.78万元");
    expect(formatAmount("3456.78", "en")).toBe("CNY 34.57 million");
    expect(formatAmount("123456.78", "en")).toBe("CNY 1.23 billion");
    expect(formatAmount(null, "en")).toBe("—");
    expect(formatAmountChange(toCents("123000"), "zh-CN")).toBe("+12.30亿元");
    expect(formatAmountChange(-toCents("3"), "zh-CN")).toBe("−3.00万元");
  });
});
