// The dashboard's live widgets computed in JS from the in-memory table of item states
// (lib/cache/live-portfolio.ts), so a write does not make every widget roll up the portfolio in SQL again.
// Each function answers exactly what its SQL counterpart in lib/queries/dashboard.ts answers for the live
// portfolio (before = null) and the whole portfolio (no scope); the predicates mirror lib/queries/as-of.ts
// (open, overdue, stale, attention) and the roll-up is rollUp() of lib/queries/rollup.ts, the SQL's own
// specification. tests/integration/live-figures.test.ts checks every figure against the SQL after random writes.
// Orderings that break ties on a code or a name use the ranks the database's collation gave (codeRank, nameRank).
// The scans read the table's columns (live-columns.ts), in the table's order (code order), so every sum adds
// the same numbers in the same order as a scan of the items would.
import { STALE_DAYS } from "./as-of";
import { ATTENTION_LIMIT } from "./dashboard";
import type {
  AttentionItem,
  Breakdown,
  ConferenceSummary,
  Distributions,
  Headline,
  PillarProgress,
  TrendValue,
  UnitAccountability,
} from "./dashboard";
import { endOfDay } from "../dates";
import type { Confidence, ItemStatus, Side } from "../generated/prisma/enums";
import type { LivePortfolio } from "../cache/live-portfolio";
import {
  columnsOf,
  counts,
  dayNumber,
  isAction,
  isOpen,
  isOverdue,
  isRetired,
  isRoot,
  isTop,
  NO_DAY,
  Weighted,
  type LiveColumns,
} from "./live-columns";
import type { PillarLights } from "./item-lights";
import type { UnitSort } from "../validations/dashboard";

/** staleSql: open and not updated in STALE_DAYS before the end of `day` (never updated counts as stale). */
function staleCheck(day: string): (c: LiveColumns, k: number) => boolean {
  const cutoff = endOfDay(day).getTime() - STALE_DAYS * 24 * 60 * 60 * 1000;
  return (c, k) => isOpen(c, k) && (Number.isNaN(c.lastUpdate[k]!) || c.lastUpdate[k]! < cutoff);
}

/** Groups the indexes `k` that `keyOf` gives a key, in first-seen order of the keys. */
function groupBy<K>(c: LiveColumns, keyOf: (k: number) => K | undefined): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  for (let k = 0; k < c.n; k++) {
    const key = keyOf(k);
    if (key === undefined) continue;
    const list = groups.get(key);
    if (list) list.push(k);
    else groups.set(key, [k]);
  }
  return groups;
}

function weighted(c: LiveColumns, list: readonly number[]): number | null {
  const w = new Weighted();
  for (const k of list) w.add(c, k);
  return w.value;
}

export function liveHeadline(t: LivePortfolio, day: string): Headline {
  const c = columnsOf(t);
  const today = dayNumber(day);
  const stale = staleCheck(day);
  const overall = new Weighted();
  const h: Headline = {
    items: 0,
    overall: null,
    green: 0,
    amber: 0,
    red: 0,
    open: 0,
    completed: 0,
    overdue: 0,
    stale: 0,
  };
  for (let k = 0; k < c.n; k++) {
    if (isRoot(c, k)) overall.add(c, k);
    if (!isAction(c, k)) continue;
    h.items++;
    if (isOpen(c, k)) {
      h.open++;
      const confidence = c.confidenceNames[c.confidence[k]!];
      if (confidence === "GREEN") h.green++;
      else if (confidence === "AMBER") h.amber++;
      else if (confidence === "RED") h.red++;
    }
    if (c.status[k] === c.completed) h.completed++;
    if (isOverdue(c, k, today)) h.overdue++;
    if (stale(c, k)) h.stale++;
  }
  h.overall = overall.value;
  return h;
}

export function livePillarProgress(t: LivePortfolio, day: string): PillarProgress[] {
  const c = columnsOf(t);
  const today = dayNumber(day);
  const figures = new Map(
    t.pillars.map((p) => [
      p.id,
      { progress: new Weighted(), actions: 0, completed: 0, overdue: 0, tops: [] as number[] },
    ]),
  );
  for (let k = 0; k < c.n; k++) {
    if (isRetired(c, k)) continue;
    const f = figures.get(c.pillarId[k]!);
    if (f === undefined) continue;
    if (isRoot(c, k)) f.progress.add(c, k);
    if (isTop(c, k)) f.tops.push(k);
    if (!isAction(c, k)) continue;
    f.actions++;
    if (c.status[k] === c.completed) f.completed++;
    if (isOverdue(c, k, today)) f.overdue++;
  }
  return t.pillars.map((p) => {
    const f = figures.get(p.id)!;
    return {
      id: p.id,
      number: p.number,
      title: p.title,
      titleEn: p.titleEn,
      theme: p.theme,
      progress: f.progress.value,
      actions: f.actions,
      completed: f.completed,
      overdue: f.overdue,
      recommendations: f.tops
        .map((k) => ({ k, s: t.items[k]! }))
        .sort((a, b) => a.s.sortOrder - b.s.sortOrder || a.s.codeRank - b.s.codeRank)
        .map(({ k, s }) => ({
          code: s.code,
          title: s.title,
          titleEn: s.titleEn,
          progress: c.rolled[k]!,
          status: s.status as ItemStatus,
        })),
    };
  });
}

/** Group order is unspecified in the SQL too (GROUP BY); the panel orders by its own key list. */
export function liveDistributions(t: LivePortfolio): Distributions {
  const c = columnsOf(t);
  const status = new Map<ItemStatus, number>();
  const confidence = new Map<Confidence | null, number>();
  for (let k = 0; k < c.n; k++) {
    if (!isAction(c, k)) continue;
    const s = c.statusNames[c.status[k]!] as ItemStatus;
    status.set(s, (status.get(s) ?? 0) + 1);
    if (!isOpen(c, k)) continue;
    const level = c.confidenceNames[c.confidence[k]!] as Confidence | null;
    confidence.set(level, (confidence.get(level) ?? 0) + 1);
  }
  const list = <K>(m: Map<K, number>) => [...m].map(([key, count]) => ({ key, count }));
  return { status: list(status), confidence: list(confidence) };
}

/** Overall and per-pillar progress (pillarAveragesSql) of the live state: a trend point after the last change. */
export function liveTrendValue(t: LivePortfolio): TrendValue {
  const c = columnsOf(t);
  const numbers = new Map(t.pillars.map((p) => [p.id, p.number]));
  const overall = new Weighted();
  const byPillar = new Map<number, Weighted>();
  for (let k = 0; k < c.n; k++) {
    if (!isTop(c, k) || !counts(c, k)) continue;
    overall.add(c, k);
    let w = byPillar.get(c.pillarId[k]!);
    if (w === undefined) byPillar.set(c.pillarId[k]!, (w = new Weighted()));
    w.add(c, k);
  }
  const pillars: Record<number, number | null> = {};
  for (const [pillarId, w] of byPillar) {
    const n = numbers.get(pillarId);
    if (n !== undefined) pillars[n] = w.value;
  }
  return { overall: overall.value, pillars };
}

export function liveAttentionItems(t: LivePortfolio, day: string): { items: AttentionItem[]; total: number } {
  const c = columnsOf(t);
  const today = dayNumber(day);
  const unitName = (id: number | null) => (id === null ? null : (t.units.get(id)?.name ?? null));
  const rows: { k: number; daysOverdue: number | null; rolled: number }[] = [];
  for (let k = 0; k < c.n; k++) {
    if (!isAction(c, k)) continue;
    const overdue = isOverdue(c, k, today);
    if (!overdue && !(isOpen(c, k) && c.confidence[k] === c.red)) continue;
    rows.push({ k, daysOverdue: overdue ? today - c.due[k]! : null, rolled: c.rolled[k]! });
  }
  rows.sort(
    (a, b) =>
      (a.daysOverdue === null ? 1 : 0) - (b.daysOverdue === null ? 1 : 0) ||
      (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) ||
      a.rolled - b.rolled ||
      c.codeRank[a.k]! - c.codeRank[b.k]!,
  );
  return {
    total: rows.length,
    items: rows.slice(0, ATTENTION_LIMIT).map(({ k, daysOverdue, rolled }) => {
      const s = t.items[k]!;
      return {
        code: s.code,
        title: s.title,
        titleEn: s.titleEn,
        status: s.status as ItemStatus,
        confidence: s.confidence as Confidence | null,
        progress: rolled,
        dueDate: s.dueDate,
        leadUnit: unitName(s.leadUnitId),
        coLeadUnit: unitName(s.coLeadUnitId),
        daysOverdue,
      };
    }),
  };
}

type UnitRow = UnitAccountability & { nameRank: number };

export function liveUnitAccountability(
  t: LivePortfolio,
  day: string,
  sort: UnitSort,
  reference: Date,
): UnitAccountability[] {
  const c = columnsOf(t);
  const today = dayNumber(day);
  const stale = staleCheck(day);
  const groups = groupBy(c, (k) => (isAction(c, k) && t.units.has(c.lead[k]!) ? c.lead[k]! : undefined));
  const rows: UnitRow[] = [...groups].map(([unitId, list]) => {
    const u = t.units.get(unitId)!;
    let latest = -1; // the first item with the latest update, whose Date is shown
    let overdue = 0;
    let staleCount = 0;
    for (const k of list) {
      if (!Number.isNaN(c.lastUpdate[k]!) && (latest < 0 || c.lastUpdate[k]! > c.lastUpdate[latest]!)) latest = k;
      if (isOverdue(c, k, today)) overdue++;
      if (stale(c, k)) staleCount++;
    }
    const last = latest < 0 ? null : t.items[latest]!.lastUpdateAt;
    return {
      id: u.id,
      name: u.name,
      shortName: u.shortName,
      side: u.side as Side,
      items: list.length,
      progress: weighted(c, list),
      overdue,
      stale: staleCount,
      lastUpdate: last,
      daysSinceUpdate: last === null ? null : Math.floor((reference.getTime() - last.getTime()) / 86_400_000),
      nameRank: u.nameRank,
    };
  });
  const value = (r: UnitRow): number | null => {
    switch (sort.key) {
      case "name":
        return r.nameRank;
      case "items":
        return r.items;
      case "progress":
        return r.progress;
      case "overdue":
        return r.overdue;
      case "stale":
        return r.stale;
      case "days":
        return r.daysSinceUpdate;
    }
  };
  // ASC NULLS FIRST / DESC NULLS LAST, then name ascending.
  const asc = sort.dir === "asc";
  rows.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) {
      if (x !== y) return (x === null ? -1 : 1) * (asc ? 1 : -1);
    } else if (x !== y) return (x - y) * (asc ? 1 : -1);
    return a.nameRank - b.nameRank;
  });
  return rows.map(({ nameRank: _rank, ...r }) => r);
}

const SIDE_ORDER = ["SICHUAN", "CHONGQING", "JOINT", "NATIONAL"];

export function liveSideAndRegionBreakdown(
  t: LivePortfolio,
  day: string,
): { sides: Breakdown[]; regions: (Breakdown & { id: number; side: Side })[] } {
  const c = columnsOf(t);
  const today = dayNumber(day);
  const figures = (list: readonly number[]) => {
    let completed = 0;
    let overdue = 0;
    for (const k of list) {
      if (c.status[k] === c.completed) completed++;
      if (isOverdue(c, k, today)) overdue++;
    }
    return { items: list.length, progress: weighted(c, list), completed, overdue };
  };
  // SIDE_SQL (lib/queries/items-list.ts): joint when the lead is a joint body or the co-lead is from the other side.
  const sideOf = (k: number): string | null => {
    const lu = t.units.get(c.lead[k]!);
    const cu = t.units.get(c.coLead[k]!);
    if (lu === undefined) return null;
    if (lu.side === "JOINT" || (cu !== undefined && cu.side !== lu.side)) return "JOINT";
    return lu.side;
  };
  const bySide = new Map<string | null, number[]>();
  const byRegion = new Map<number, number[]>();
  for (let k = 0; k < c.n; k++) {
    if (!isAction(c, k)) continue;
    const key = sideOf(k);
    const list = bySide.get(key);
    if (list) list.push(k);
    else bySide.set(key, [k]);
    for (let j = c.regionStart[k]!; j < c.regionStart[k + 1]!; j++) {
      const r = c.regions[j]!;
      if (!t.regions.has(r)) continue;
      const rl = byRegion.get(r);
      if (rl) rl.push(k);
      else byRegion.set(r, [k]);
    }
  }
  const rank = (k: string | null) => {
    const i = k === null ? -1 : SIDE_ORDER.indexOf(k);
    return i < 0 ? SIDE_ORDER.length : i;
  };
  const sides = [...bySide].sort(([a], [b]) => rank(a) - rank(b)).map(([key, list]) => ({ key, ...figures(list) }));
  const regions = [...byRegion]
    .map(([id, list]) => ({ region: t.regions.get(id)!, list }))
    .sort((a, b) => b.list.length - a.list.length || a.region.nameRank - b.region.nameRank)
    .map(({ region, list }) => ({ id: region.id, key: region.name, side: region.side as Side, ...figures(list) }));
  return { sides, regions };
}

export function liveConferenceTimeline(t: LivePortfolio): ConferenceSummary[] {
  const c = columnsOf(t);
  const linked = new Map<number, { items: number; progress: Weighted }>();
  for (let k = 0; k < c.n; k++) {
    if (isRetired(c, k)) continue;
    for (let j = c.conferenceStart[k]!; j < c.conferenceStart[k + 1]!; j++) {
      const id = c.conferences[j]!;
      let f = linked.get(id);
      if (f === undefined) linked.set(id, (f = { items: 0, progress: new Weighted() }));
      f.items++;
      f.progress.add(c, k);
    }
  }
  return t.conferences.map((conference) => {
    const f = linked.get(conference.id);
    return {
      number: conference.number,
      date: conference.date,
      theme: conference.theme,
      summary: conference.summary,
      items: f?.items ?? 0,
      progress: f?.progress.value ?? null,
    };
  });
}

/** queryItemLightCounts (lib/queries/item-lights.ts) live: lightSql's red, amber and green per pillar. */
export function liveItemLightCounts(t: LivePortfolio, day: string, amberLast: string): PillarLights[] {
  const c = columnsOf(t);
  const today = dayNumber(day);
  const amberUntil = dayNumber(amberLast);
  const byPillar = new Map(
    t.pillars.map((p) => [p.id, { number: p.number, title: p.title, titleEn: p.titleEn, red: 0, amber: 0, green: 0 }]),
  );
  for (let k = 0; k < c.n; k++) {
    if (!isAction(c, k) || !isOpen(c, k) || c.due[k] === NO_DAY) continue;
    const p = byPillar.get(c.pillarId[k]!);
    if (p === undefined) continue;
    if (c.due[k]! < today) p.red++;
    else if (c.due[k]! <= amberUntil) p.amber++;
    else p.green++;
  }
  return [...byPillar.values()];
}
