// The dashboard's live widgets computed in JS from the in-memory table of item states
// (lib/cache/live-portfolio.ts), so a write does not make every widget roll up the portfolio in SQL again.
// Each function answers exactly what its SQL counterpart in lib/queries/dashboard.ts answers for the live
// portfolio (before = null) and the whole portfolio (no scope); the predicates mirror lib/queries/as-of.ts
// (open, overdue, stale, attention) and the roll-up is rollUp() of lib/queries/rollup.ts, the SQL's own
// specification. tests/integration/live-figures.test.ts checks every figure against the SQL after random writes.
// Orderings that break ties on a code or a name use the ranks the database's collation gave (codeRank, nameRank).
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
import type { LiveItem, LivePortfolio } from "../cache/live-portfolio";
import type { PillarLights } from "./item-lights";
import type { UnitSort } from "../validations/dashboard";

const isAction = (s: LiveItem) => s.level === "ACTION" && !s.retired;
const counts = (s: LiveItem) => !s.retired && s.status !== "CANCELLED";
const isOpen = (s: LiveItem) => !s.retired && s.status !== "COMPLETED" && s.status !== "CANCELLED";
const isOverdue = (s: LiveItem, day: string) => isOpen(s) && s.dueDay !== null && s.dueDay < day;
function staleCheck(day: string): (s: LiveItem) => boolean {
  const cutoff = endOfDay(day).getTime() - STALE_DAYS * 24 * 60 * 60 * 1000;
  return (s) => isOpen(s) && (s.lastUpdateAt === null || s.lastUpdateAt.getTime() < cutoff);
}

/** weightedProgressSql: sum(weight × rolled) / sum(weight), null when the weights add up to 0 or none. */
function weighted(t: LivePortfolio, rows: Iterable<LiveItem>): number | null {
  let num = 0;
  let den = 0;
  let any = false;
  for (const s of rows) {
    any = true;
    num += s.weight * (t.rolled.get(s.id) ?? 0);
    den += s.weight;
  }
  return any && den !== 0 ? num / den : null;
}

/** The whole portfolio's scope (whereSql({})): every item not retired; roots = counting, parent not in scope. */
function scope(t: LivePortfolio): { inScope: LiveItem[]; roots: LiveItem[] } {
  const inScope = t.items.filter((s) => !s.retired);
  const ids = new Set(inScope.map((s) => s.id));
  const roots = inScope.filter((s) => counts(s) && (s.parentId === null || !ids.has(s.parentId)));
  return { inScope, roots };
}

export function liveHeadline(t: LivePortfolio, day: string): Headline {
  const { inScope, roots } = scope(t);
  const stale = staleCheck(day);
  const h: Headline = {
    items: 0,
    overall: weighted(t, roots),
    green: 0,
    amber: 0,
    red: 0,
    open: 0,
    completed: 0,
    overdue: 0,
    stale: 0,
  };
  for (const s of inScope) {
    if (!isAction(s)) continue;
    h.items++;
    if (isOpen(s)) {
      h.open++;
      if (s.confidence === "GREEN") h.green++;
      else if (s.confidence === "AMBER") h.amber++;
      else if (s.confidence === "RED") h.red++;
    }
    if (s.status === "COMPLETED") h.completed++;
    if (isOverdue(s, day)) h.overdue++;
    if (stale(s)) h.stale++;
  }
  return h;
}

export function livePillarProgress(t: LivePortfolio, day: string): PillarProgress[] {
  const { inScope, roots } = scope(t);
  return t.pillars.map((p) => {
    const mine = inScope.filter((s) => s.pillarId === p.id);
    const actions = mine.filter(isAction);
    return {
      id: p.id,
      number: p.number,
      title: p.title,
      titleEn: p.titleEn,
      theme: p.theme,
      progress: weighted(
        t,
        roots.filter((s) => s.pillarId === p.id),
      ),
      actions: actions.length,
      completed: actions.filter((s) => s.status === "COMPLETED").length,
      overdue: actions.filter((s) => isOverdue(s, day)).length,
      recommendations: mine
        .filter((s) => s.parentId === null)
        .sort((a, b) => a.sortOrder - b.sortOrder || a.codeRank - b.codeRank)
        .map((s) => ({
          code: s.code,
          title: s.title,
          titleEn: s.titleEn,
          progress: t.rolled.get(s.id) ?? 0,
          status: s.status as ItemStatus,
        })),
    };
  });
}

function countBy<K>(rows: LiveItem[], key: (s: LiveItem) => K): { key: K; count: number }[] {
  const m = new Map<K, number>();
  for (const s of rows) m.set(key(s), (m.get(key(s)) ?? 0) + 1);
  return [...m].map(([key, count]) => ({ key, count }));
}

/** Group order is unspecified in the SQL too (GROUP BY); the panel orders by its own key list. */
export function liveDistributions(t: LivePortfolio): Distributions {
  const actions = t.items.filter(isAction);
  return {
    status: countBy(actions, (s) => s.status as ItemStatus),
    confidence: countBy(actions.filter(isOpen), (s) => s.confidence as Confidence | null),
  };
}

/** Overall and per-pillar progress (pillarAveragesSql) of the live state: a trend point after the last change. */
export function liveTrendValue(t: LivePortfolio): TrendValue {
  const top = t.items.filter((s) => s.parentId === null && counts(s));
  const numbers = new Map(t.pillars.map((p) => [p.id, p.number]));
  const byPillar = new Map<number, LiveItem[]>();
  for (const s of top) {
    const list = byPillar.get(s.pillarId);
    if (list) list.push(s);
    else byPillar.set(s.pillarId, [s]);
  }
  const pillars: Record<number, number | null> = {};
  for (const [pillarId, list] of byPillar) {
    const n = numbers.get(pillarId);
    if (n !== undefined) pillars[n] = weighted(t, list);
  }
  return { overall: top.length > 0 ? weighted(t, top) : null, pillars };
}

const dayNumber = (day: string) => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / 86_400_000;

export function liveAttentionItems(t: LivePortfolio, day: string): { items: AttentionItem[]; total: number } {
  const unitName = (id: number | null) => (id === null ? null : (t.units.get(id)?.name ?? null));
  const rows = t.items
    .filter((s) => isAction(s) && (isOverdue(s, day) || (isOpen(s) && s.confidence === "RED")))
    .map((s) => ({
      s,
      daysOverdue: isOverdue(s, day) ? dayNumber(day) - dayNumber(s.dueDay!) : null,
      rolled: t.rolled.get(s.id) ?? 0,
    }));
  rows.sort(
    (a, b) =>
      (a.daysOverdue === null ? 1 : 0) - (b.daysOverdue === null ? 1 : 0) ||
      (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) ||
      a.rolled - b.rolled ||
      a.s.codeRank - b.s.codeRank,
  );
  return {
    total: rows.length,
    items: rows.slice(0, ATTENTION_LIMIT).map(({ s, daysOverdue, rolled }) => ({
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
    })),
  };
}

type UnitRow = UnitAccountability & { nameRank: number };

export function liveUnitAccountability(
  t: LivePortfolio,
  day: string,
  sort: UnitSort,
  reference: Date,
): UnitAccountability[] {
  const stale = staleCheck(day);
  const groups = new Map<number, LiveItem[]>();
  for (const s of t.items) {
    if (!isAction(s) || s.leadUnitId === null || !t.units.has(s.leadUnitId)) continue;
    const list = groups.get(s.leadUnitId);
    if (list) list.push(s);
    else groups.set(s.leadUnitId, [s]);
  }
  const rows: UnitRow[] = [...groups].map(([unitId, list]) => {
    const u = t.units.get(unitId)!;
    let last: Date | null = null;
    for (const s of list)
      if (s.lastUpdateAt !== null && (last === null || s.lastUpdateAt > last)) last = s.lastUpdateAt;
    return {
      id: u.id,
      name: u.name,
      shortName: u.shortName,
      side: u.side as Side,
      items: list.length,
      progress: weighted(t, list),
      overdue: list.filter((s) => isOverdue(s, day)).length,
      stale: list.filter(stale).length,
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
  const figures = (list: LiveItem[]) => ({
    items: list.length,
    progress: weighted(t, list),
    completed: list.filter((s) => s.status === "COMPLETED").length,
    overdue: list.filter((s) => isOverdue(s, day)).length,
  });
  // SIDE_SQL (lib/queries/items-list.ts): joint when the lead is a joint body or the co-lead is from the other side.
  const sideOf = (s: LiveItem): string | null => {
    const lu = s.leadUnitId === null ? undefined : t.units.get(s.leadUnitId);
    const cu = s.coLeadUnitId === null ? undefined : t.units.get(s.coLeadUnitId);
    if (lu === undefined) return null;
    if (lu.side === "JOINT" || (cu !== undefined && cu.side !== lu.side)) return "JOINT";
    return lu.side;
  };
  const actions = t.items.filter(isAction);
  const bySide = new Map<string | null, LiveItem[]>();
  const byRegion = new Map<number, LiveItem[]>();
  for (const s of actions) {
    const k = sideOf(s);
    const list = bySide.get(k);
    if (list) list.push(s);
    else bySide.set(k, [s]);
    for (const r of new Set(s.regionIds)) {
      if (!t.regions.has(r)) continue;
      const rl = byRegion.get(r);
      if (rl) rl.push(s);
      else byRegion.set(r, [s]);
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
  const linked = new Map<number, LiveItem[]>();
  for (const s of t.items) {
    if (s.retired) continue;
    for (const c of new Set(s.conferenceIds)) {
      const list = linked.get(c);
      if (list) list.push(s);
      else linked.set(c, [s]);
    }
  }
  return t.conferences.map((c) => {
    const list = linked.get(c.id) ?? [];
    return {
      number: c.number,
      date: c.date,
      theme: c.theme,
      summary: c.summary,
      items: list.length,
      progress: weighted(t, list),
    };
  });
}

/** queryItemLightCounts (lib/queries/item-lights.ts) live: lightSql's red, amber and green per pillar. */
export function liveItemLightCounts(t: LivePortfolio, day: string, amberLast: string): PillarLights[] {
  const byPillar = new Map(
    t.pillars.map((p) => [p.id, { number: p.number, title: p.title, titleEn: p.titleEn, red: 0, amber: 0, green: 0 }]),
  );
  for (const s of t.items) {
    if (!isAction(s) || !isOpen(s) || s.dueDay === null) continue;
    const p = byPillar.get(s.pillarId);
    if (p === undefined) continue;
    if (s.dueDay < day) p.red++;
    else if (s.dueDay <= amberLast) p.amber++;
    else p.green++;
  }
  return [...byPillar.values()];
}
