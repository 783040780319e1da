// The in-memory table of item states (lib/cache/live-portfolio.ts) again as columns: one typed array per field
// the live widgets read, built once per table (so once per data version) and shared by every widget.
//
// Why: the widgets scan every item several times. Read from one object per item, scattered over the heap, each
// field read is a memory miss: a loop comparing the status of 10,000 items took 3–40 ms on the two-core server,
// and the widgets together ≈ 250 ms after every write, on the thread that answers every request. Typed arrays
// are read in order, so the same scans take well under a millisecond.
import type { LiveItem, LivePortfolio } from "../cache/live-portfolio";
import { rollUp } from "./rollup";

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
  /** position of each item id in the table's items */
  indexOf: ReadonlyMap<number, number>;
  /** items.version, which every change to an item moves (what a refresh compares) */
  version: Int32Array;
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

/**
 * The columns of `t`, built on first use and kept as long as `t` is. With `previous` (the table `t` was refreshed
 * from, and the ids of the items re-read since) only those rows are written again: a pass over every item object
 * is itself the cost this file avoids (30–190 ms measured at 10,000 items), while copying typed arrays is not.
 */
export function columnsOf(
  t: LivePortfolio,
  previous?: { table: LivePortfolio; changed: readonly number[] },
): LiveColumns {
  let c = built.get(t);
  if (c === undefined) {
    const before = previous === undefined ? undefined : built.get(previous.table);
    c =
      before !== undefined && before.n === t.items.length && previous!.table.items.length === t.items.length
        ? patch(t, before, new Set(previous!.changed))
        : build(t);
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
function linkArrays(lists: ArrayLike<number>[]): { start: Int32Array; values: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  const values: number[] = [];
  lists.forEach((ids, k) => {
    const from = values.length;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j]!;
      let seen = false;
      for (let x = from; x < values.length && !seen; x++) seen = values[x] === id;
      if (!seen) values.push(id);
    }
    start[k + 1] = values.length;
  });
  return { start, values: Int32Array.from(values) };
}

type Arrays = Pick<
  LiveColumns,
  | "n"
  | "id"
  | "version"
  | "codeRank"
  | "pillarId"
  | "parent"
  | "lead"
  | "coLead"
  | "flags"
  | "status"
  | "confidence"
  | "weight"
  | "rolled"
  | "due"
  | "lastUpdate"
>;

function emptyArrays(n: number): Arrays {
  return {
    n,
    id: new Int32Array(n),
    version: new Int32Array(n),
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
}

function copyArrays(c: LiveColumns): Arrays {
  return {
    n: c.n,
    id: c.id.slice(),
    version: c.version.slice(),
    codeRank: c.codeRank.slice(),
    pillarId: c.pillarId.slice(),
    parent: c.parent.slice(),
    lead: c.lead.slice(),
    coLead: c.coLead.slice(),
    flags: c.flags.slice(),
    status: c.status.slice(),
    confidence: c.confidence.slice(),
    weight: c.weight.slice(),
    rolled: c.rolled,
    due: c.due.slice(),
    lastUpdate: c.lastUpdate.slice(),
  };
}

interface Writer {
  arrays: Arrays;
  index: ReadonlyMap<number, number>;
  statusNames: string[];
  confidenceNames: (string | null)[];
  statusCode: (s: string) => number;
  confidenceCode: (s: string | null) => number;
  dayOf: (day: string) => number;
}

function positions(ids: ArrayLike<number>): Map<number, number> {
  const index = new Map<number, number>();
  for (let k = 0; k < ids.length; k++) index.set(ids[k]!, k);
  return index;
}

/** `index`: item id → position (the previous columns' when patching: the same items, and no item object read). */
function writer(
  index: ReadonlyMap<number, number>,
  arrays: Arrays,
  statusNames: string[],
  confidenceNames: (string | null)[],
): Writer {
  const days = new Map<string, number>(); // few distinct due days: Date.UTC once per day, not once per item
  return {
    arrays,
    index,
    statusNames,
    confidenceNames,
    statusCode: coder(statusNames),
    confidenceCode: coder(confidenceNames),
    dayOf: (day) => {
      let d = days.get(day);
      if (d === undefined) days.set(day, (d = dayNumber(day)));
      return d;
    },
  };
}

function writeRow(w: Writer, s: LiveItem, k: number): void {
  const c = w.arrays;
  c.id[k] = s.id;
  c.version[k] = s.version;
  c.codeRank[k] = s.codeRank;
  c.pillarId[k] = s.pillarId;
  c.parent[k] = s.parentId === null ? -1 : (w.index.get(s.parentId) ?? -1);
  c.lead[k] = s.leadUnitId ?? -1;
  c.coLead[k] = s.coLeadUnitId ?? -1;
  c.flags[k] = (s.retired ? RETIRED : 0) | (s.level === "ACTION" ? ACTION : 0) | (s.parentId === null ? TOP : 0);
  c.status[k] = w.statusCode(s.status);
  c.confidence[k] = w.confidenceCode(s.confidence);
  c.weight[k] = s.weight;
  c.due[k] = s.dueDay === null ? NO_DAY : w.dayOf(s.dueDay);
  c.lastUpdate[k] = s.lastUpdateAt === null ? Number.NaN : s.lastUpdateAt.getTime();
}

/** rollUp() of every item (the specification itself), by position. */
function rolledOf(t: LivePortfolio): Float64Array {
  const byId = rollUp(t.items);
  return Float64Array.from(t.items, (s) => byId.get(s.id) ?? 0);
}

/**
 * rolledOf(t) again after only the rows `changed` changed, from `before`'s: the changed rows and their ancestors
 * (under their parents before and after the change) are averaged again as rollUp() averages them, and every other
 * row keeps its value, since nothing below it changed. Children are taken in position order, as rollUp() takes
 * them in item order, so every sum adds the same numbers in the same order. Sub-millisecond at 10,000 items,
 * where a whole roll-up is 6–35 ms (and copying its Map of 10,000 entries 4–12 ms) on the two-core server.
 */
function rolledAgain(
  t: LivePortfolio,
  c: Arrays,
  statusNames: string[],
  before: LiveColumns,
  changed: Iterable<number>,
): Float64Array {
  const rolled = before.rolled.slice();
  const affected = new Uint8Array(c.n);
  const mark = (from: number) => {
    for (let k = from, steps = 0; k !== -1 && affected[k] === 0 && steps <= c.n; steps++) {
      affected[k] = 1;
      k = c.parent[k]!;
    }
  };
  for (const k of changed) {
    mark(k);
    mark(before.parent[k]!);
  }
  const cancelled = statusNames.indexOf("CANCELLED");
  const kids = new Map<number, number[]>();
  for (let k = 0; k < c.n; k++) {
    const p = c.parent[k]!;
    if (p === -1 || affected[p] === 0 || (c.flags[k]! & RETIRED) !== 0 || c.status[k] === cancelled) continue;
    const list = kids.get(p);
    if (list) list.push(k);
    else kids.set(p, [k]);
  }
  const done = new Uint8Array(c.n);
  const valueOf = (k: number, depth: number): number => {
    if (affected[k] === 0 || done[k] === 1) return rolled[k]!;
    if (depth > c.n) throw new Error(`cycle in the item tree at item ${c.id[k]}`);
    const list = kids.get(k) ?? [];
    let total = 0;
    for (const j of list) total += c.weight[j]!;
    let value: number;
    if (total > 0) {
      let sum = 0;
      for (const j of list) sum += c.weight[j]! * valueOf(j, depth + 1);
      value = sum / total;
    } else value = t.items[k]!.progress ?? 0;
    done[k] = 1;
    rolled[k] = value;
    return value;
  };
  for (let k = 0; k < c.n; k++) if (affected[k] === 1) valueOf(k, 0);
  return rolled;
}

interface Links {
  regions: ArrayLike<number>;
  conferences: ArrayLike<number>;
}

function finish(w: Writer, linksOf: (k: number) => Links): LiveColumns {
  const regionLists: ArrayLike<number>[] = [];
  const conferenceLists: ArrayLike<number>[] = [];
  for (let k = 0; k < w.arrays.n; k++) {
    const l = linksOf(k);
    regionLists.push(l.regions);
    conferenceLists.push(l.conferences);
  }
  const regions = linkArrays(regionLists);
  const conferences = linkArrays(conferenceLists);
  return {
    ...w.arrays,
    indexOf: w.index,
    statusNames: w.statusNames,
    confidenceNames: w.confidenceNames,
    regionStart: regions.start,
    regions: regions.values,
    conferenceStart: conferences.start,
    conferences: conferences.values,
    completed: w.statusNames.indexOf("COMPLETED"),
    cancelled: w.statusNames.indexOf("CANCELLED"),
    red: w.confidenceNames.indexOf("RED"),
  };
}

function build(t: LivePortfolio): LiveColumns {
  const w = writer(positions(t.items.map((s) => s.id)), emptyArrays(t.items.length), [], [null]);
  t.items.forEach((s, k) => writeRow(w, s, k));
  w.arrays.rolled = rolledOf(t);
  return finish(w, (k) => ({ regions: t.items[k]!.regionIds, conferences: t.items[k]!.conferenceIds }));
}

/** `before` with the rows of the items in `changed` (ids) written again: the same items in the same order. */
function patch(t: LivePortfolio, before: LiveColumns, changed: Set<number>): LiveColumns {
  const w = writer(before.indexOf, copyArrays(before), [...before.statusNames], [...before.confidenceNames]);
  const rows = new Set<number>();
  for (let k = 0; k < before.n; k++) if (changed.has(before.id[k]!)) rows.add(k);
  for (const k of rows) writeRow(w, t.items[k]!, k);
  // A changed item moves the rolled-up progress of its ancestors too.
  w.arrays.rolled = rows.size > 0 ? rolledAgain(t, w.arrays, w.statusNames, before, rows) : before.rolled;
  return finish(w, (k) =>
    rows.has(k)
      ? { regions: t.items[k]!.regionIds, conferences: t.items[k]!.conferenceIds }
      : {
          regions: before.regions.subarray(before.regionStart[k]!, before.regionStart[k + 1]!),
          conferences: before.conferences.subarray(before.conferenceStart[k]!, before.conferenceStart[k + 1]!),
        },
  );
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
