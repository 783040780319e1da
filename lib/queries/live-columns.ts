// The in-memory table of item states (lib/cache/live-portfolio.ts) again as columns: one typed array per field
// the live widgets read, built once per table (so once per data version) and shared by every widget.
//
// Why: the widgets scan every item several times. Read from one object per item, scattered over the heap, each
// field read is a memory miss: a loop comparing the status of 10,000 items took 3–40 ms on the two-core server,
// and the widgets together ≈ 250 ms after every write, on the thread that answers every request. Typed arrays
// are read in order, so the same scans take well under a millisecond.
import type { LivePortfolio } from "../cache/live-portfolio";

/** A day as a whole number of days since 1970-01-01 (UTC), so YYYY-MM-DD days compare as numbers. */
export const dayNumber = (day: string) =>
  Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / 86_400_000;

/** dueDay of an item without a due date: after every day, so "due before" and "due by" are false. */
export const NO_DAY = 2 ** 31 - 1;

const RETIRED = 1;
const ACTION = 2;
const TOP = 4; // no parent (parentId null)

export interface LiveColumns {
  n: number;
  id: Int32Array;
  /** position in ORDER BY code (LiveItem.codeRank) */
  codeRank: Int32Array;
  pillarId: Int32Array;
  /** index of the parent in the table's items, -1 without a parent (or one not in the table) */
  parent: Int32Array;
  /** lead and co-lead unit ids, -1 for none */
  lead: Int32Array;
  coLead: Int32Array;
  flags: Uint8Array;
  /** index into statusNames */
  status: Uint8Array;
  statusNames: string[];
  /** index into confidenceNames; 0 is no confidence (null) */
  confidence: Uint8Array;
  confidenceNames: (string | null)[];
  weight: Float64Array;
  /** rolled-up progress (rollUp), 0 where it has none */
  rolled: Float64Array;
  /** dayNumber of the due day, NO_DAY without one */
  due: Int32Array;
  /** last update (ms since the epoch), NaN for never */
  lastUpdate: Float64Array;
  /** distinct linked region and conference ids of item k: regions.slice(regionStart[k], regionStart[k + 1]) */
  regionStart: Int32Array;
  regions: Int32Array;
  conferenceStart: Int32Array;
  conferences: Int32Array;
  /** codes of the statuses the predicates name (-1 when no item has it) */
  completed: number;
  cancelled: number;
  red: number;
}

const built = new WeakMap<LivePortfolio, LiveColumns>();

/** The columns of `t`, built on first use and kept as long as `t` is. */
export function columnsOf(t: LivePortfolio): LiveColumns {
  let c = built.get(t);
  if (c === undefined) {
    c = build(t);
    built.set(t, c);
  }
  return c;
}

function coder<T>(names: T[]): (value: T) => number {
  const codes = new Map(names.map((name, k) => [name, k]));
  return (value) => {
    let code = codes.get(value);
    if (code === undefined) {
      code = names.length;
      names.push(value);
      codes.set(value, code);
    }
    return code;
  };
}

/** Distinct ids per item, in first-seen order (as `new Set(ids)` iterates), as offsets into one array. */
function links(lists: number[][]): { start: Int32Array; values: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  const values: number[] = [];
  lists.forEach((ids, k) => {
    for (const id of new Set(ids)) values.push(id);
    start[k + 1] = values.length;
  });
  return { start, values: Int32Array.from(values) };
}

function build(t: LivePortfolio): LiveColumns {
  const n = t.items.length;
  const index = new Map<number, number>();
  t.items.forEach((s, k) => index.set(s.id, k));
  const statusNames: string[] = [];
  const confidenceNames: (string | null)[] = [null];
  const statusCode = coder(statusNames);
  const confidenceCode = coder(confidenceNames);
  const c = {
    n,
    id: new Int32Array(n),
    codeRank: new Int32Array(n),
    pillarId: new Int32Array(n),
    parent: new Int32Array(n),
    lead: new Int32Array(n),
    coLead: new Int32Array(n),
    flags: new Uint8Array(n),
    status: new Uint8Array(n),
    confidence: new Uint8Array(n),
    weight: new Float64Array(n),
    rolled: new Float64Array(n),
    due: new Int32Array(n),
    lastUpdate: new Float64Array(n),
  };
  const regionLists: number[][] = [];
  const conferenceLists: number[][] = [];
  t.items.forEach((s, k) => {
    c.id[k] = s.id;
    c.codeRank[k] = s.codeRank;
    c.pillarId[k] = s.pillarId;
    c.parent[k] = s.parentId === null ? -1 : (index.get(s.parentId) ?? -1);
    c.lead[k] = s.leadUnitId ?? -1;
    c.coLead[k] = s.coLeadUnitId ?? -1;
    c.flags[k] = (s.retired ? RETIRED : 0) | (s.level === "ACTION" ? ACTION : 0) | (s.parentId === null ? TOP : 0);
    c.status[k] = statusCode(s.status);
    c.confidence[k] = confidenceCode(s.confidence);
    c.weight[k] = s.weight;
    c.rolled[k] = t.rolled.get(s.id) ?? 0;
    c.due[k] = s.dueDay === null ? NO_DAY : dayNumber(s.dueDay);
    c.lastUpdate[k] = s.lastUpdateAt === null ? Number.NaN : s.lastUpdateAt.getTime();
    regionLists.push(s.regionIds);
    conferenceLists.push(s.conferenceIds);
  });
  const regions = links(regionLists);
  const conferences = links(conferenceLists);
  return {
    ...c,
    statusNames,
    confidenceNames,
    regionStart: regions.start,
    regions: regions.values,
    conferenceStart: conferences.start,
    conferences: conferences.values,
    completed: statusNames.indexOf("COMPLETED"),
    cancelled: statusNames.indexOf("CANCELLED"),
    red: confidenceNames.indexOf("RED"),
  };
}

// The predicates of lib/queries/as-of.ts, on columns (live-figures.ts names what each one mirrors).
export const isRetired = (c: LiveColumns, k: number) => (c.flags[k]! & RETIRED) !== 0;
export const isTop = (c: LiveColumns, k: number) => (c.flags[k]! & TOP) !== 0;
export const isAction = (c: LiveColumns, k: number) => (c.flags[k]! & (ACTION | RETIRED)) === ACTION;
/** counted in progress: not retired and not cancelled */
export const counts = (c: LiveColumns, k: number) => !isRetired(c, k) && c.status[k] !== c.cancelled;
export const isOpen = (c: LiveColumns, k: number) =>
  !isRetired(c, k) && c.status[k] !== c.completed && c.status[k] !== c.cancelled;
export const isOverdue = (c: LiveColumns, k: number, day: number) => isOpen(c, k) && c.due[k]! < day;
/** The whole portfolio's roots: counting, and the parent is not in scope (none, or retired). */
export const isRoot = (c: LiveColumns, k: number) => counts(c, k) && (c.parent[k] === -1 || isRetired(c, c.parent[k]!));

/** weightedProgressSql over the items `c` and `k` pass: sum(weight × rolled) / sum(weight), null for none or 0. */
export class Weighted {
  private num = 0;
  private den = 0;
  private any = false;

  add(c: LiveColumns, k: number): void {
    this.any = true;
    this.num += c.weight[k]! * c.rolled[k]!;
    this.den += c.weight[k]!;
  }

  get value(): number | null {
    return this.any && this.den !== 0 ? this.num / this.den : null;
  }
}
