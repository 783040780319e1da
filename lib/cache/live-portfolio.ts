// A compact in-memory table of every item's current state (the columns the dashboard's live widgets read),
// one per process, kept up to date by reading from the database only the items that changed since the
// version the table holds — never by trusting an in-process event, so every app instance behind the load
// balancer is right after a write made on another (docs/deploy.md).
//
// Why: every write moves the data version, and each live widget used to roll up the whole portfolio in SQL
// again (≈100–400 ms each at 10,000 items). Now a write costs one cheap comparison of (id, version) pairs,
// the few changed rows, and rolling up again only what they move (lib/queries/live-columns.ts); the live
// widgets are computed from this table by lib/queries/live-figures.ts.
//
// What tells a change: every change to an item's row or its links goes through lib/writes/item-change.ts and
// moves items.version (the database refuses an UPDATE that does not), so an item whose version differs from
// the held one is re-read. The small tables the widgets name (units, pillars, regions, conferences) are
// re-read whole at each new data version; link rows removed without an item change (a region or conference
// deleted) are caught by their counts and answered with a full reload.
import type { Db } from "../prisma-client";
import { Prisma } from "../generated/prisma/client";
import { columnsOf } from "../queries/live-columns";

export interface LiveItem {
  id: number;
  code: string;
  parentId: number | null;
  pillarId: number;
  level: string;
  sortOrder: number;
  title: string;
  titleEn: string | null;
  leadUnitId: number | null;
  coLeadUnitId: number | null;
  regionIds: number[];
  conferenceIds: number[];
  status: string;
  confidence: string | null;
  progress: number | null;
  weight: number;
  dueDate: Date | null;
  /** dueDate as YYYY-MM-DD (the calendar date PostgreSQL holds), for comparisons with a day */
  dueDay: string | null;
  retired: boolean;
  lastUpdateAt: Date | null;
  version: number;
  /** position in ORDER BY code under the database's collation */
  codeRank: number;
}

export interface LiveUnit {
  id: number;
  name: string;
  shortName: string | null;
  side: string;
  /** position in ORDER BY name under the database's collation */
  nameRank: number;
}

export interface LivePillar {
  id: number;
  number: number;
  title: string;
  titleEn: string;
  theme: string;
}

export interface LiveRegion {
  id: number;
  name: string;
  side: string;
  nameRank: number;
}

export interface LiveConference {
  id: number;
  number: number;
  date: Date;
  theme: string;
  summary: string;
}

export interface LivePortfolio {
  /** the data version this table describes (its rows may be newer, never older) */
  version: bigint;
  /** the latest history time when the version was read: a moment after it has the live state */
  maxChangedAt: Date | null;
  /** every item, in code order */
  items: LiveItem[];
  units: Map<number, LiveUnit>;
  pillars: LivePillar[];
  regions: Map<number, LiveRegion>;
  conferences: LiveConference[];
  /** counts of item_regions and item_conferences rows (see the header) */
  linkCounts: string;
}

interface ItemRow extends Omit<LiveItem, "codeRank" | "dueDay"> {
  dueDay: string | null;
}

const ITEM_COLUMNS = Prisma.sql`
  i.id, i.code, i.parent_id AS "parentId", i.pillar_id AS "pillarId", i.level::text AS level, i.sort_order AS "sortOrder",
  i.title, i.title_en AS "titleEn", i.lead_unit_id AS "leadUnitId", i.co_lead_unit_id AS "coLeadUnitId",
  ARRAY(SELECT r.region_id FROM item_regions r WHERE r.item_id = i.id ORDER BY r.region_id) AS "regionIds",
  ARRAY(SELECT c.conference_id FROM item_conferences c WHERE c.item_id = i.id ORDER BY c.conference_id) AS "conferenceIds",
  i.status::text AS status, i.confidence::text AS confidence, i.progress, i.weight, i.due_date AS "dueDate",
  to_char(i.due_date, 'YYYY-MM-DD') AS "dueDay", (i.retired_at IS NOT NULL) AS retired,
  i.last_update_at AS "lastUpdateAt", i.version`;

interface Probe {
  version: string;
  maxChangedAt: Date | null;
  linkCounts: string;
  ids: number[];
  versions: number[];
}

/** "id:version,id:version,…" (in no particular order) as two lists of the same order. */
function pairsOf(list: string | null): Pick<Probe, "ids" | "versions"> {
  const ids: number[] = [];
  const versions: number[] = [];
  for (const pair of list === null ? [] : list.split(",")) {
    const colon = pair.indexOf(":");
    ids.push(Number(pair.slice(0, colon)));
    versions.push(Number(pair.slice(colon + 1)));
  }
  return { ids, versions };
}

/**
 * One statement (one snapshot): the data version, the latest history time, and every item's (id, version).
 * The pairs come as one text in scan order (refresh looks each id up, so no order is needed): a third of the
 * time of two ordered int[] aggregates, which the driver also parses element by element (13 → 5 ms at 10,000
 * items, the statement and the parsing).
 */
async function probe(d: Db): Promise<Probe> {
  const [row] = await d.$queryRaw<(Omit<Probe, "ids" | "versions"> & { pairs: string | null })[]>(Prisma.sql`
    SELECT (SELECT version::text FROM data_version WHERE id = 1) AS version,
           (SELECT max(changed_at) FROM item_history) AS "maxChangedAt",
           (SELECT count(*) FROM item_regions) || ':' || (SELECT count(*) FROM item_conferences) AS "linkCounts",
           (SELECT string_agg(id || ':' || version, ',') FROM items) AS pairs`);
  const { pairs, ...rest } = row!;
  return { ...rest, ...pairsOf(pairs) };
}

/**
 * The small tables the widgets name, in one statement (one connection of the pool, not four, on the way to the
 * first dashboard after every write), each as JSON in the order the database's collation gives.
 */
async function readSmallTables(d: Db): Promise<Pick<LivePortfolio, "units" | "pillars" | "regions" | "conferences">> {
  const [row] = await d.$queryRaw<
    {
      units: Omit<LiveUnit, "nameRank">[];
      pillars: LivePillar[];
      regions: Omit<LiveRegion, "nameRank">[];
      conferences: (Omit<LiveConference, "date"> & { date: string })[];
    }[]
  >(Prisma.sql`
    SELECT (SELECT coalesce(json_agg(u ORDER BY u.name), '[]')
              FROM (SELECT id, name, short_name AS "shortName", side::text AS side FROM units) u) AS units,
           (SELECT coalesce(json_agg(p ORDER BY p.number), '[]')
              FROM (SELECT id, number, title, title_en AS "titleEn", theme FROM pillars) p) AS pillars,
           (SELECT coalesce(json_agg(r ORDER BY r.name), '[]')
              FROM (SELECT id, name, side::text AS side FROM regions) r) AS regions,
           (SELECT coalesce(json_agg(c ORDER BY c.number), '[]')
              FROM (SELECT id, number, to_char(date, 'YYYY-MM-DD') AS date, theme, summary FROM conferences) c)
             AS conferences`);
  const { units, pillars, regions, conferences } = row!;
  return {
    units: new Map(units.map((u, k) => [u.id, { ...u, nameRank: k }])),
    pillars,
    regions: new Map(regions.map((r, k) => [r.id, { ...r, nameRank: k }])),
    // A DATE column reads as midnight UTC of its day, as Prisma gives it.
    conferences: conferences.map((c) => ({ ...c, date: new Date(`${c.date}T00:00:00Z`) })),
  };
}

async function fullLoad(d: Db, p: Probe): Promise<LivePortfolio> {
  const [rows, small] = await Promise.all([
    d.$queryRaw<ItemRow[]>(Prisma.sql`SELECT ${ITEM_COLUMNS} FROM items i ORDER BY i.code`),
    readSmallTables(d),
  ]);
  const items = rows.map((r, k) => ({ ...r, codeRank: k }));
  return {
    version: BigInt(p.version),
    maxChangedAt: p.maxChangedAt,
    items,
    ...small,
    linkCounts: p.linkCounts,
  };
}

/** The table at the probe's version: the held one with only the changed items re-read, or a full load. */
async function refresh(d: Db, held: LivePortfolio | null): Promise<LivePortfolio> {
  const p = await probe(d);
  if (held === null || p.linkCounts !== held.linkCounts) return fullLoad(d, p);
  const { ids, versions } = p;
  if (ids.length !== held.items.length) return fullLoad(d, p); // a new item: its code needs a rank
  // Compared on the held table's columns: reading 10,000 item objects is what the columns avoid.
  const before = columnsOf(held);
  const changed: number[] = [];
  for (let k = 0; k < ids.length; k++) {
    const at = before.indexOf.get(ids[k]!);
    if (at === undefined) return fullLoad(d, p);
    if (before.version[at] !== versions[k]) changed.push(ids[k]!);
  }
  const [rows, small] = await Promise.all([
    changed.length > 0
      ? d.$queryRaw<ItemRow[]>(Prisma.sql`SELECT ${ITEM_COLUMNS} FROM items i WHERE i.id = ANY(${changed}::int[])`)
      : Promise.resolve([] as ItemRow[]),
    readSmallTables(d),
  ]);
  const items = held.items.slice();
  for (const r of rows) {
    const at = before.indexOf.get(r.id)!;
    items[at] = { ...r, codeRank: items[at]!.codeRank };
  }
  const table: LivePortfolio = {
    version: BigInt(p.version),
    maxChangedAt: p.maxChangedAt,
    items,
    ...small,
    linkCounts: p.linkCounts,
  };
  // The widgets' columns of the new table from the held one's, rewriting only the changed rows (and rolling up
  // again only what they move).
  columnsOf(table, { table: held, changed });
  return table;
}

/**
 * The process's table, describing at least data version `version` (the reader's, from currentDataVersion()).
 * Concurrent readers share one refresh. Callers check the reader's permission first.
 */
export class LivePortfolioStore {
  private held: LivePortfolio | null = null;
  private pending: Promise<LivePortfolio> | null = null;

  constructor(private readonly db: () => Db) {}

  async at(version: string): Promise<LivePortfolio> {
    const wanted = BigInt(version);
    for (;;) {
      if (this.held !== null && this.held.version >= wanted) return this.held;
      const t = await this.refreshOnce();
      // A refresh that started before the reader's version was committed describes an older one: go again.
      if (t.version >= wanted) return t;
    }
  }

  private refreshOnce(): Promise<LivePortfolio> {
    this.pending ??= (async () => {
      try {
        const t = await refresh(this.db(), this.held);
        if (this.held === null || t.version >= this.held.version) this.held = t;
        return t;
      } finally {
        this.pending = null;
      }
    })();
    return this.pending;
  }

  clear(): void {
    this.held = null;
  }
}
