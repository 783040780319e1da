import { describe, expect, it } from "vitest";
import { overallProgress, pillarProgress, rollUp, type RollUpRow } from "../../lib/queries/rollup";

const row = (
  id: number,
  parentId: number | null,
  progress: number | null,
  extra: Partial<RollUpRow> = {},
): RollUpRow => ({
  id,
  parentId,
  pillarId: 1,
  weight: 1,
  progress,
  status: "IN_PROGRESS",
  retired: false,
  ...extra,
});

describe("rollUp", () => {
  it("gives a leaf its own progress and counts no progress as 0", () => {
    const r = rollUp([row(1, null, 40), row(2, null, null)]);
    expect(r.get(1)).toBe(40);
    expect(r.get(2)).toBe(0);
  });

  it("weights children by item weight and ignores the parent's own progress", () => {
    const r = rollUp([row(1, null, 99), row(2, 1, 100, { weight: 3 }), row(3, 1, 0, { weight: 1 })]);
    expect(r.get(1)).toBe(75);
  });

  it("recurses through deeper trees", () => {
    const r = rollUp([row(1, null, null), row(2, 1, null), row(3, 2, 100), row(4, 2, 50), row(5, 1, 0, { weight: 2 })]);
    // node 2 = 75, node 1 = (75·1 + 0·2) / 3
    expect(r.get(2)).toBe(75);
    expect(r.get(1)).toBe(25);
  });

  it("leaves retired and cancelled children out of their parent's average", () => {
    const r = rollUp([
      row(1, null, null),
      row(2, 1, 80),
      row(3, 1, 0, { status: "CANCELLED" }),
      row(4, 1, 0, { retired: true }),
    ]);
    expect(r.get(1)).toBe(80);
  });

  it("treats an item whose children all dropped out, or weigh 0, as a leaf", () => {
    const r = rollUp([
      row(1, null, 30),
      row(2, 1, 90, { status: "CANCELLED" }),
      row(3, null, 20),
      row(4, 3, 90, { weight: 0 }),
    ]);
    expect(r.get(1)).toBe(30);
    expect(r.get(3)).toBe(20);
  });

  it("refuses a cycle instead of looping", () => {
    expect(() => rollUp([row(1, 2, 0), row(2, 1, 0)])).toThrow(/cycle/);
  });
});

describe("pillarProgress and overallProgress", () => {
  const rows = [
    row(1, null, null, { pillarId: 1, weight: 2 }),
    row(2, 1, 60, { pillarId: 1 }),
    row(3, null, 30, { pillarId: 1, weight: 1 }),
    row(4, null, 100, { pillarId: 2, weight: 1 }),
    row(5, null, 0, { pillarId: 2, weight: 5, status: "CANCELLED" }),
    row(6, null, 0, { pillarId: 3, retired: true }),
  ];

  it("averages each pillar's counting top-level items by weight", () => {
    const p = pillarProgress(rows);
    expect(p.get(1)).toBe((2 * 60 + 30) / 3);
    expect(p.get(2)).toBe(100);
    expect(p.has(3)).toBe(false);
  });

  it("averages all counting top-level items by weight for the overall figure", () => {
    expect(overallProgress(rows)).toBe((2 * 60 + 30 + 100) / 4);
    expect(overallProgress([])).toBeNull();
  });
});
