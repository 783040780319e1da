import { describe, expect, it } from "vitest";
import { endOfDay } from "../../lib/dates";
import { parseAsOfParams } from "../../lib/validations/as-of";

// 2026-03-10 09:00 in China
const now = new Date("2026-03-10T01:00:00Z");

describe("parseAsOfParams", () => {
  it("reads nothing as the live state", () => {
    expect(parseAsOfParams({}, now)).toMatchObject({
      asOf: null,
      compare: null,
      before: null,
      compareBefore: null,
      day: "2026-03-10",
      issues: [],
    });
  });

  it("turns valid days into the ends of those days in China", () => {
    const s = parseAsOfParams({ asOf: "2026-01-31", compare: "2025-12-31" }, now);
    expect(s).toMatchObject({ asOf: "2026-01-31", compare: "2025-12-31", day: "2026-01-31", issues: [] });
    expect(s.before).toEqual(endOfDay("2026-01-31"));
    expect(s.compareBefore).toEqual(endOfDay("2025-12-31"));
  });

  it("treats today as live and allows a comparison with an earlier day", () => {
    const s = parseAsOfParams({ asOf: "2026-03-10", compare: "2026-03-09" }, now);
    expect(s).toMatchObject({ asOf: null, before: null, compare: "2026-03-09", issues: [] });
  });

  it.each([
    ["2026-02-30", "validation.invalidDate"],
    ["yesterday", "validation.invalidDate"],
    ["1999-12-31", "asOf.errors.tooEarly"],
    ["2026-03-11", "asOf.errors.future"],
  ])("refuses asOf=%s with %s and falls back to live", (value, message) => {
    const s = parseAsOfParams({ asOf: value }, now);
    expect(s.before).toBeNull();
    expect(s.issues).toEqual([{ param: "asOf", message, value }]);
  });

  it("refuses a comparison day that is not earlier than the as-of day", () => {
    expect(parseAsOfParams({ asOf: "2026-01-31", compare: "2026-01-31" }, now).issues).toEqual([
      { param: "compare", message: "asOf.errors.compareNotEarlier", value: "2026-01-31" },
    ]);
    const s = parseAsOfParams({ compare: "2026-03-10" }, now);
    expect(s.compare).toBeNull();
    expect(s.issues[0]?.message).toBe("asOf.errors.compareNotEarlier");
  });

  it("takes the first of repeated parameters and ignores empty ones", () => {
    expect(parseAsOfParams({ asOf: ["2026-01-01", "2026-02-01"], compare: "" }, now)).toMatchObject({
      asOf: "2026-01-01",
      compare: null,
      issues: [],
    });
  });
});
