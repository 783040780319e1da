// The dashboard's 关键指标 with a compare day: each latest value says its exact move since then (BigInt
// arithmetic, not floating point), that it did not move, or that there was no value then.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SinceCompare } from "@/components/indicators/headline-indicators-panel";
import type { IndicatorsT } from "@/components/indicators/indicator-figures";
import type { HeadlineIndicator } from "@/lib/data/indicators";
import { translator } from "@/lib/i18n/translator";
import { figureDelta } from "@/lib/indicators";

const x = (actual: string | null, unit = "公里"): HeadlineIndicator => ({
  id: 1,
  itemId: 1,
  code: "1.1.1",
  title: "成渝中线高铁",
  titleEn: null,
  name: "高速铁路运营里程",
  unit,
  baseline: "0",
  target: "500",
  targetYear: 2030,
  direction: "HIGHER",
  headline: true,
  latest: actual === null ? null : { observedOn: "2026-11-30", actual },
  completion: null,
});
const html = (now: HeadlineIndicator, then: HeadlineIndicator | undefined, locale: "zh-CN" | "en" = "zh-CN") =>
  renderToStaticMarkup(
    createElement(SinceCompare, {
      x: now,
      then,
      day: "2026-10-31",
      t: translator(locale, "indicators") as unknown as IndicatorsT,
    }),
  );

describe("an indicator's move since the compare day", () => {
  it("is exact", () => {
    expect(figureDelta("0.3", "0.1")).toBe("0.2");
    expect(figureDelta("1234567.8901", "1234567.89")).toBe("0.0001");
    expect(figureDelta("-2.5", "1")).toBe("-3.5");
    expect(figureDelta("12.50", "12.5")).toBe("0");
  });

  it("says the move with its sign and unit, no move, or no value then", () => {
    expect(html(x("310.3"), x("230.25"))).toContain("较 2026-10-31 +80.05 公里");
    expect(html(x("12.5", "%"), x("13.75", "%"))).toContain("较 2026-10-31 -1.25%");
    expect(html(x("1000.0"), x("1000"))).toContain("与 2026-10-31 持平");
    expect(html(x("7"), x(null))).toContain("2026-10-31 时尚无实际值");
    expect(html(x("7"), undefined, "en")).toContain("no value on 2026-10-31");
    expect(html(x("1001"), x("1"), "en")).toContain("+1,000 公里 since 2026-10-31");
    expect(html(x(null), x("1"))).toBe("");
  });
});
