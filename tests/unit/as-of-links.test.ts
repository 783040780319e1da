import { describe, expect, it } from "vitest";
import { withDates } from "../../lib/as-of-selection";

describe("withDates: links that keep the selected days", () => {
  it("adds the as-of and compare days after the link's own parameters, and nothing when live", () => {
    expect(withDates("/items", { asOf: null, compare: null })).toBe("/items");
    expect(withDates("/", { asOf: null, compare: null }, { view: "units" })).toBe("/?view=units");
    expect(withDates("/items/3.1.1", { asOf: "2026-11-01", compare: null })).toBe("/items/3.1.1?asOf=2026-11-01");
    expect(withDates("/", { asOf: "2026-11-01", compare: "2026-08-01" }, { view: "regions" })).toBe(
      "/?view=regions&asOf=2026-11-01&compare=2026-08-01",
    );
    // a comparison with today (no as-of day) is kept too
    expect(withDates("/items", { asOf: null, compare: "2026-08-01" })).toBe("/items?compare=2026-08-01");
  });
});
