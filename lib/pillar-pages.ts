// A pillar page in pages of at most PILLAR_PAGE_ACTIONS action rows, so that the page stays small at any size
// (issue 18: a 2,000-item pillar was 4 MB). The tree keeps its order; a page holds the recommendation sections
// whose actions fall in its range, and a recommendation longer than the rest of a page continues on the next
// (its heading repeated there, marked as continued). Pure: the page reads the whole tree and shows a slice.

/** Action rows per pillar page: a row costs about 2.6 KB of HTML and RSC payload together (as the list's). */
export const PILLAR_PAGE_ACTIONS = 50;

export interface TreeSection<T> {
  rec: T;
  /** the recommendation's actions shown on this page */
  children: T[];
  /** 0-based position of the first shown action among the recommendation's actions */
  from: number;
  /** some of its actions are on the previous page / on the next page */
  continued: boolean;
  continues: boolean;
}

export interface PillarPage<T> {
  page: number;
  pages: number;
  sections: TreeSection<T>[];
  /** every recommendation with the page its section starts on (the index of a paged pillar) */
  starts: { rec: T; page: number; actions: number }[];
  /** total action rows and the 1-based range this page shows (0–0 when there are none) */
  total: number;
  first: number;
  last: number;
}

/**
 * Page `page` (1-based, clamped to the last page) of a tree of recommendations and their actions. A
 * recommendation without actions sits on the page where its position falls.
 */
export function pagePillarTree<T extends { children: T[] }>(
  recs: T[],
  page: number,
  size = PILLAR_PAGE_ACTIONS,
): PillarPage<T> {
  const total = recs.reduce((n, r) => n + r.children.length, 0);
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const lo = (current - 1) * size;
  const hi = current * size;
  const sections: TreeSection<T>[] = [];
  const starts: PillarPage<T>["starts"] = [];
  let offset = 0;
  for (const rec of recs) {
    const n = rec.children.length;
    const startPage = Math.min(pages, Math.floor(offset / size) + 1);
    starts.push({ rec, page: startPage, actions: n });
    if (n === 0) {
      if (startPage === current) sections.push({ rec, children: [], from: 0, continued: false, continues: false });
    } else if (offset < hi && offset + n > lo) {
      const from = Math.max(0, lo - offset);
      const to = Math.min(n, hi - offset);
      sections.push({ rec, children: rec.children.slice(from, to), from, continued: from > 0, continues: to < n });
    }
    offset += n;
  }
  return {
    page: current,
    pages,
    sections,
    starts,
    total,
    first: total === 0 ? 0 : lo + 1,
    last: Math.min(total, hi),
  };
}
