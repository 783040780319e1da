// The 考评 formula (lib/rating.ts): components from counts, the weighted score with components that have
// nothing to count left out, and the 红黑榜's ranks and boards with ties.
import { describe, expect, it } from "vitest";
import { rankRatings, ratingComponents, ratingScore, type RatingCounts } from "@/lib/rating";

const counts = (over: Partial<RatingCounts> = {}): RatingCounts => ({
  obligations: 0,
  onTime: 0,
  late: 0,
  missing: 0,
  returned: 0,
  reviewed: 0,
  firstPass: 0,
  items: 0,
  overdue: 0,
  supervisions: 0,
  answeredOnTime: 0,
  pending: 0,
  ...over,
});
const W = { onTime: 40, firstPass: 30, overdue: 20, supervision: 10 };

describe("rating components and score", () => {
  it("rates each component in [0, 1] and weighs them", () => {
    const c = ratingComponents(
      counts({
        obligations: 4,
        onTime: 3,
        reviewed: 2,
        firstPass: 1,
        items: 5,
        overdue: 1,
        supervisions: 3,
        answeredOnTime: 1,
        pending: 1,
      }),
    );
    expect(c).toEqual({ onTime: 0.75, firstPass: 0.5, overdue: 0.8, supervision: 0.5 });
    // 100 × (40×0.75 + 30×0.5 + 20×0.8 + 10×0.5) ÷ 100 = 66
    expect(ratingScore(c, W)).toBe(66);
  });

  it("leaves out a component with nothing to count and shares its weight", () => {
    const c = ratingComponents(counts({ obligations: 2, onTime: 1, items: 2 }));
    expect(c).toEqual({ onTime: 0.5, firstPass: null, overdue: 1, supervision: null });
    // 100 × (40×0.5 + 20×1) ÷ 60 = 66.666… → 66.7
    expect(ratingScore(c, W)).toBe(66.7);
    expect(ratingScore(ratingComponents(counts()), W)).toBeNull();
    // only components weighted 0: no score
    expect(ratingScore(c, { onTime: 0, firstPass: 50, overdue: 0, supervision: 50 })).toBeNull();
  });

  it("rounds half up at one decimal", () => {
    // 0.125 is exact in binary: 12.5; 12.125 → 12.1; 12.155 → 12.2
    expect(ratingScore({ onTime: 0.125, firstPass: null, overdue: null, supervision: null }, W)).toBe(12.5);
    expect(ratingScore({ onTime: 0.12125, firstPass: null, overdue: null, supervision: null }, W)).toBe(12.1);
    expect(ratingScore({ onTime: 0.12155, firstPass: null, overdue: null, supervision: null }, W)).toBe(12.2);
  });
});

describe("the 红黑榜", () => {
  const row = (unit: string, score: number | null) => ({ unit, score });

  it("ranks by score with shared ranks, the best and worst three on the boards", () => {
    const ranked = rankRatings([
      row("乙", 80),
      row("甲", 90),
      row("丙", 80),
      row("丁", 70),
      row("戊", 60),
      row("己", 50),
      row("庚", 40),
      row("辛", null),
    ]);
    expect(ranked.map((r) => [r.unit, r.rank, r.board])).toEqual([
      ["甲", 1, "RED"],
      ["丙", 2, "RED"],
      ["乙", 2, "RED"],
      ["丁", 4, null],
      ["戊", 5, "BLACK"],
      ["己", 6, "BLACK"],
      ["庚", 7, "BLACK"],
      ["辛", null, null],
    ]);
  });

  it("splits few units in halves and never puts a unit on both boards", () => {
    expect(rankRatings([row("甲", 90), row("乙", 50), row("丙", 70)]).map((r) => r.board)).toEqual([
      "RED",
      null,
      "BLACK",
    ]);
    expect(rankRatings([row("甲", 90), row("乙", 90)]).map((r) => [r.rank, r.board])).toEqual([
      [1, "RED"],
      [1, "RED"],
    ]);
    expect(rankRatings([row("甲", 90)]).map((r) => r.board)).toEqual([null]);
  });
});
