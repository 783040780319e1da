// A pillar page in pages of action rows (lib/pillar-pages.ts): every action is on exactly one page, in tree
// order; a long recommendation continues over pages; the index says where each recommendation starts.
import { describe, expect, it } from "vitest";
import { pagePillarTree } from "../../lib/pillar-pages";

interface Node {
  code: string;
  children: Node[];
}
const rec = (code: string, actions: number): Node => ({
  code,
  children: Array.from({ length: actions }, (_, i) => ({ code: `${code}.${i + 1}`, children: [] })),
});

describe("pagePillarTree", () => {
  it("keeps a small pillar on one page, every recommendation whole", () => {
    const recs = [rec("1.1", 3), rec("1.2", 0), rec("1.3", 5)];
    const p = pagePillarTree(recs, 1, 10);
    expect(p.pages).toBe(1);
    expect(p.sections.map((s) => [s.rec.code, s.children.length, s.continued, s.continues])).toEqual([
      ["1.1", 3, false, false],
      ["1.2", 0, false, false],
      ["1.3", 5, false, false],
    ]);
    expect([p.first, p.last, p.total]).toEqual([1, 8, 8]);
  });

  it("shows every action exactly once over the pages, in order, at most `size` a page", () => {
    const recs = [rec("2.1", 7), rec("2.2", 0), rec("2.3", 25), rec("2.4", 1), rec("2.5", 0), rec("2.6", 13)];
    const size = 10;
    const first = pagePillarTree(recs, 1, size);
    expect(first.pages).toBe(5);
    const seen: string[] = [];
    const sectionsOf = new Map<string, number>();
    for (let page = 1; page <= first.pages; page++) {
      const p = pagePillarTree(recs, page, size);
      const codes = p.sections.flatMap((s) => s.children.map((c) => c.code));
      expect(codes.length).toBeLessThanOrEqual(size);
      expect([p.first, p.last]).toEqual([seen.length + 1, seen.length + codes.length]);
      seen.push(...codes);
      for (const s of p.sections) sectionsOf.set(s.rec.code, (sectionsOf.get(s.rec.code) ?? 0) + 1);
    }
    expect(seen).toEqual(recs.flatMap((r) => r.children.map((c) => c.code)));
    // 2.3 (25 actions from position 7) spans pages 1–4; empty recommendations appear once
    expect(sectionsOf.get("2.3")).toBe(4);
    expect(sectionsOf.get("2.2")).toBe(1);
    expect(sectionsOf.get("2.5")).toBe(1);
    const p2 = pagePillarTree(recs, 2, size);
    expect(p2.sections.map((s) => [s.rec.code, s.from, s.children.length, s.continued, s.continues])).toEqual([
      ["2.3", 3, 10, true, true],
    ]);
    // the index: where each recommendation starts
    expect(first.starts.map((s) => [s.rec.code, s.page, s.actions])).toEqual([
      ["2.1", 1, 7],
      ["2.2", 1, 0],
      ["2.3", 1, 25],
      ["2.4", 4, 1],
      ["2.5", 4, 0],
      ["2.6", 4, 13],
    ]);
  });

  it("clamps a page past the end to the last page, and one below 1 to the first", () => {
    const recs = [rec("3.1", 15)];
    expect(pagePillarTree(recs, 99, 10).page).toBe(2);
    expect(pagePillarTree(recs, 0, 10).page).toBe(1);
    expect(pagePillarTree([], 3, 10)).toMatchObject({ page: 1, pages: 1, sections: [], total: 0, first: 0, last: 0 });
  });
});
