// The full state of an item as stored in item_history.snapshot, and the field-level diff between two states.
// The types follow the Item and Milestone models: every column of an item is part of its recorded state
// (except its id, version and timestamps), so a new column is recorded, diffed and shown without edits here.
import { Prisma, type Indicator, type Item, type Milestone } from "../generated/prisma/client";
import { isoDay } from "../dates";
import { figureText, type FigureLike, type IndicatorFields } from "../indicators";
import { amountText } from "../money";

type Tx = Prisma.TransactionClient;

/** Columns that are bookkeeping, not part of the item's state. */
const NOT_RECORDED: ReadonlySet<string> = new Set(["id", "version", "createdAt", "updatedAt"]);
/** DATE columns, recorded as calendar days (YYYY-MM-DD); other instants are recorded as ISO timestamps. */
const CALENDAR_DAY_FIELDS: ReadonlySet<string> = new Set(["startDate", "dueDate", "originalDueDate"]);

/** Amount columns (万元, NUMERIC): recorded as two-decimal strings ("1234.50"), never as JSON numbers. */
export const MONEY_FIELDS: ReadonlySet<string> = new Set(["totalInvestment", "sichuanShare", "chongqingShare"]);

/** A row as JSON stores it: dates and decimals become strings. */
type Recorded<T> = {
  [K in keyof T]: T[K] extends Date
    ? string
    : T[K] extends Date | null
      ? string | null
      : T[K] extends Prisma.Decimal
        ? string
        : T[K] extends Prisma.Decimal | null
          ? string | null
          : T[K];
};

export type MilestoneSnapshot = Recorded<Pick<Milestone, "id" | "title" | "plannedDate" | "completedDate">>;

/** One year's 计划投资 and 完成投资 (万元, two-decimal strings; null: not given). */
export interface InvestmentYearSnapshot {
  year: number;
  planned: string | null;
  completed: string | null;
}

/**
 * One 指标 of the item (lib/writes/indicators.ts): its definition, figures as canonical decimal strings
 * (lib/indicators.ts), and its latest actual value (the latest day's latest report) with that day.
 */
export interface IndicatorSnapshot extends IndicatorFields {
  id: number;
  actual: string | null;
  actualOn: string | null;
}

type IndicatorDefinition = Pick<
  IndicatorSnapshot,
  "name" | "unit" | "baseline" | "target" | "targetYear" | "direction"
>;

/**
 * An indicator's definition as stored, in the form's terms (canonical figures): the snapshot's part, and what an
 * edit compares with to tell a change from a repeat (lib/writes/indicators.ts).
 */
export function indicatorDefinition(
  x: Pick<Indicator, "name" | "unit" | "targetYear" | "direction"> & { baseline: FigureLike; target: FigureLike },
): IndicatorDefinition {
  return {
    name: x.name,
    unit: x.unit,
    baseline: figureText(x.baseline),
    target: figureText(x.target),
    targetYear: x.targetYear,
    direction: x.direction,
  };
}

export type ItemSnapshot = Recorded<Omit<Item, "id" | "version" | "createdAt" | "updatedAt">> & {
  supportingUnitIds: number[];
  regionIds: number[];
  conferenceIds: number[];
  milestones: MilestoneSnapshot[];
  /** by year, ascending; absent from snapshots written before investment existed (read as none) */
  investmentYears: InvestmentYearSnapshot[];
  /** the indicators not removed, in their order; absent from snapshots written before indicators existed */
  indicators: IndicatorSnapshot[];
};

/** The old name of isoDay (lib/dates.ts), still imported by lib/actions/items.ts. */
export const isoDate = isoDay;

/** The item's links, recorded after the unit columns, where history has always listed them. */
const LINK_FIELDS = ["supportingUnitIds", "regionIds", "conferenceIds"] as const;

/**
 * The snapshot's fields in the order it records them (a CREATE lists them all as changed): the recorded
 * columns in the schema's order with the links after the unit columns, then the milestones and the investment
 * years. The benchmark's
 * generator writes history in this order too.
 */
export const SNAPSHOT_FIELDS: readonly string[] = [
  ...Object.values(Prisma.ItemScalarFieldEnum)
    .filter((column) => !NOT_RECORDED.has(column))
    .flatMap((column) => (column === "coLeadUnitId" ? [column, ...LINK_FIELDS] : [column])),
  "milestones",
  "investmentYears",
  "indicators",
];

/** A column's value as the snapshot records it. */
export function recordedValue(field: string, value: unknown): unknown {
  if (MONEY_FIELDS.has(field) && value !== null && value !== undefined)
    return amountText(value as string | Prisma.Decimal);
  if (!(value instanceof Date)) return value;
  return CALENDAR_DAY_FIELDS.has(field) ? isoDay(value) : value.toISOString();
}

type RelatedFields = Pick<
  ItemSnapshot,
  "supportingUnitIds" | "regionIds" | "conferenceIds" | "milestones" | "investmentYears" | "indicators"
>;

/** The snapshot of an item from its columns and the (already recorded) values of its links and milestones. */
export function snapshotOf(item: Item, related: RelatedFields): ItemSnapshot {
  const values: Record<string, unknown> = related;
  return Object.fromEntries(
    SNAPSHOT_FIELDS.map((field) => [
      field,
      field in values ? values[field] : recordedValue(field, item[field as keyof Item]),
    ]),
  ) as ItemSnapshot;
}

/** The links and milestones of a snapshot, as snapshotOf takes them. */
export function relatedOf(snapshot: ItemSnapshot): RelatedFields {
  const { supportingUnitIds, regionIds, conferenceIds, milestones, investmentYears, indicators } = snapshot;
  return {
    supportingUnitIds,
    regionIds,
    conferenceIds,
    milestones,
    investmentYears: investmentYears ?? [],
    indicators: indicators ?? [],
  };
}

/**
 * An item's links, milestones, investment years and indicators as the snapshot records them, in one query: ids
 * ascending; milestones in their order (sort order, then id) with their days as YYYY-MM-DD (what isoDay makes of
 * a DATE column); years ascending; indicators not removed, in their order, each with its latest value (latest
 * day, then latest report). Amounts and figures come as NUMERIC text and are written as amountText and
 * figureText write them.
 */
async function readRelated(tx: Tx, itemId: number): Promise<RelatedFields> {
  type Row = Omit<RelatedFields, "investmentYears" | "indicators"> & {
    investmentYears: InvestmentYearSnapshot[];
    indicators: IndicatorSnapshot[];
  };
  const [row] = await tx.$queryRaw<Row[]>`
    SELECT ARRAY(SELECT unit_id FROM item_supporting_units WHERE item_id = ${itemId} ORDER BY unit_id) AS "supportingUnitIds",
           ARRAY(SELECT region_id FROM item_regions WHERE item_id = ${itemId} ORDER BY region_id) AS "regionIds",
           ARRAY(SELECT conference_id FROM item_conferences WHERE item_id = ${itemId} ORDER BY conference_id) AS "conferenceIds",
           coalesce((SELECT json_agg(json_build_object('id', m.id, 'title', m.title,
                                                      'plannedDate', to_char(m.planned_date, 'YYYY-MM-DD'),
                                                      'completedDate', to_char(m.completed_date, 'YYYY-MM-DD'))
                                     ORDER BY m.sort_order, m.id)
                       FROM milestones m WHERE m.item_id = ${itemId}), '[]'::json) AS milestones,
           coalesce((SELECT json_agg(json_build_object('year', y.year, 'planned', y.planned::text,
                                                      'completed', y.completed::text) ORDER BY y.year)
                       FROM item_investment_years y WHERE y.item_id = ${itemId}), '[]'::json) AS "investmentYears",
           coalesce((SELECT json_agg(json_build_object('id', x.id, 'name', x.name, 'unit', x.unit,
                                                      'baseline', x.baseline::text, 'target', x.target::text,
                                                      'targetYear', x.target_year, 'direction', x.direction,
                                                      'headline', x.headline, 'actual', v.actual::text,
                                                      'actualOn', to_char(v.observed_on, 'YYYY-MM-DD'))
                                     ORDER BY x.position, x.id)
                       FROM indicators x
                       LEFT JOIN LATERAL (SELECT iv.actual, iv.observed_on FROM indicator_values iv
                                          WHERE iv.indicator_id = x.id
                                          ORDER BY iv.observed_on DESC, iv.reported_at DESC, iv.id DESC LIMIT 1) v ON TRUE
                       WHERE x.item_id = ${itemId} AND x.removed_at IS NULL), '[]'::json) AS indicators`;
  const r = row!;
  return {
    ...r,
    investmentYears: r.investmentYears.map((y) => ({
      year: y.year,
      planned: y.planned === null ? null : amountText(y.planned),
      completed: y.completed === null ? null : amountText(y.completed),
    })),
    indicators: r.indicators.map((x) => ({
      id: x.id,
      ...indicatorDefinition(x),
      headline: x.headline,
      actual: x.actual === null ? null : figureText(x.actual),
      actualOn: x.actualOn,
    })),
  };
}

export async function readSnapshot(
  tx: Tx,
  itemId: number,
): Promise<{ version: number; snapshot: ItemSnapshot } | null> {
  const item = await tx.item.findUnique({ where: { id: itemId } });
  if (!item) return null;
  return { version: item.version, snapshot: snapshotOf(item, await readRelated(tx, itemId)) };
}

/**
 * A snapshot field's value, or what an older snapshot that lacks the field stands for (snapshots written before
 * a column existed: null, or no investment years), so a new column never reads as a change by itself.
 */
function fieldValue(snapshot: ItemSnapshot, key: keyof ItemSnapshot): unknown {
  return snapshot[key] ?? (key === "investmentYears" || key === "indicators" ? [] : null);
}

/** Names of the top-level fields whose values differ. */
export function diffSnapshots(before: ItemSnapshot | null, after: ItemSnapshot): string[] {
  const keys = Object.keys(after) as (keyof ItemSnapshot)[];
  if (!before) return keys;
  return keys.filter((k) => JSON.stringify(fieldValue(before, k)) !== JSON.stringify(fieldValue(after, k)));
}

// Snapshot values as people read them: the item page's history and comparison, and the "saved meanwhile"
// message of a refused save. Ids become names (units, regions), numbers (conferences, pillars) or codes.

/** Fields that change with every progress update or reordering and say nothing on their own. */
export const QUIET_FIELDS: ReadonlySet<string> = new Set(["lastUpdateAt", "sortOrder"]);

export interface FieldChange {
  field: string;
  /**
   * "status" / "confidence" are enum keys, "date" an ISO day, "datetime" an ISO instant, "money" an amount of
   * 万元 as a two-decimal string (lib/money.ts formats it), else display text
   */
  kind: "status" | "confidence" | "date" | "datetime" | "money" | "text";
  from: string | null;
  to: string | null;
  /** for a year's 计划投资 / 完成投资 (fields plannedInvestment, completedInvestment): the year */
  year?: number;
  /** for an indicator's change (fields indicator…): the indicator's name */
  subject?: string;
}

type NamesDb = Pick<Tx, "unit" | "region" | "conference" | "pillar" | "item">;

/** What the ids in a snapshot stand for. */
export async function loadSnapshotNames(db: NamesDb) {
  const [units, regions, conferences, pillars, items] = await Promise.all([
    db.unit.findMany({ select: { id: true, name: true, side: true } }),
    db.region.findMany({ select: { id: true, name: true, side: true } }),
    db.conference.findMany({ select: { id: true, number: true, date: true, theme: true } }),
    db.pillar.findMany({ select: { id: true, number: true, title: true, titleEn: true } }),
    db.item.findMany({ where: { level: "RECOMMENDATION" }, select: { id: true, code: true } }),
  ]);
  return {
    units: new Map(units.map((u) => [u.id, u])),
    regions: new Map(regions.map((r) => [r.id, r])),
    conferences: new Map(conferences.map((c) => [c.id, c])),
    pillars: new Map(pillars.map((p) => [p.id, p])),
    itemCodes: new Map(items.map((i) => [i.id, i.code])),
  };
}

export type SnapshotNames = Awaited<ReturnType<typeof loadSnapshotNames>>;

function kindOf(field: string): FieldChange["kind"] {
  if (field === "status" || field === "confidence") return field;
  if (CALENDAR_DAY_FIELDS.has(field)) return "date";
  if (field === "retiredAt" || field === "lastUpdateAt") return "datetime";
  if (MONEY_FIELDS.has(field)) return "money";
  return "text";
}

/** One snapshot field's value as display text (null for none), and how the page should show it. */
export function snapshotValueText(
  field: string,
  value: unknown,
  names: SnapshotNames,
): { kind: FieldChange["kind"]; text: string | null } {
  const kind = kindOf(field);
  if (value === null || value === undefined) return { kind, text: null };
  const ids = value as number[];
  const list = (labels: (string | undefined)[]) => labels.map((l, i) => l ?? `#${ids[i]}`).join("、") || null;
  switch (field) {
    case "leadUnitId":
    case "coLeadUnitId":
      return { kind, text: names.units.get(value as number)?.name ?? `#${String(value)}` };
    case "supportingUnitIds":
      return { kind, text: list(ids.map((id) => names.units.get(id)?.name)) };
    case "regionIds":
      return { kind, text: list(ids.map((id) => names.regions.get(id)?.name)) };
    case "conferenceIds":
      return { kind, text: list(ids.map((id) => names.conferences.get(id)?.number.toString())) };
    case "pillarId":
      return { kind, text: String(names.pillars.get(value as number)?.number ?? `#${String(value)}`) };
    case "parentId":
      return { kind, text: names.itemCodes.get(value as number) ?? `#${String(value)}` };
    case "milestones":
      return {
        kind,
        text:
          (value as ItemSnapshot["milestones"])
            .map((m) => `${m.title} (${m.plannedDate}${m.completedDate ? ` ✓ ${m.completedDate}` : ""})`)
            .join("；") || null,
      };
    case "progress":
      return { kind, text: `${String(value)}%` };
    case "indicators":
      return {
        kind,
        text: (value as IndicatorSnapshot[]).map((x) => `${x.name}: ${indicatorText(x)}`).join("；") || null,
      };
    case "investmentYears":
      return {
        kind,
        text:
          (value as InvestmentYearSnapshot[])
            .map((y) => `${y.year}: ${y.planned ?? "—"} / ${y.completed ?? "—"}`)
            .join("；") || null,
      };
    default:
      return { kind, text: String(value) };
  }
}

/** The fields worth showing of those that changed: quiet ones only when nothing else changed, if `keepAlone`. */
export function loudFields(fields: readonly string[], keepAlone = false): string[] {
  const loud = fields.filter((f) => !QUIET_FIELDS.has(f));
  return loud.length > 0 || !keepAlone ? loud : [...fields];
}

/** A change of the investment years as one change per year and figure (计划投资, 完成投资), as amounts. */
function investmentYearChanges(before: ItemSnapshot | null, after: ItemSnapshot): FieldChange[] {
  const byYear = (s: ItemSnapshot | null) =>
    new Map((s ? (fieldValue(s, "investmentYears") as InvestmentYearSnapshot[]) : []).map((y) => [y.year, y]));
  const [then, now] = [byYear(before), byYear(after)];
  const years = [...new Set([...then.keys(), ...now.keys()])].sort((a, b) => a - b);
  return years.flatMap((year) =>
    (["planned", "completed"] as const).flatMap((figure): FieldChange[] => {
      const from = then.get(year)?.[figure] ?? null;
      const to = now.get(year)?.[figure] ?? null;
      if (from === to) return [];
      return [{ field: `${figure}Investment`, kind: "money", from, to, year }];
    }),
  );
}

/** An indicator's definition and latest value in one line, language-neutral: "0 → 120 公里 (2027) ↑ · 35 @ 2026-11-30". */
function indicatorText(x: IndicatorSnapshot): string {
  const actual = x.actual === null ? "" : ` · ${x.actual} @ ${x.actualOn ?? ""}`;
  return `${x.baseline} → ${x.target} ${x.unit} (${x.targetYear}) ${x.direction === "HIGHER" ? "↑" : "↓"}${actual}`;
}

/** The aspects of an indicator a change names one by one, as the history's field (indicatorTarget, …). */
const INDICATOR_ASPECTS = [
  ["name", "indicatorName"],
  ["unit", "indicatorUnit"],
  ["baseline", "indicatorBaseline"],
  ["target", "indicatorTarget"],
  ["targetYear", "indicatorTargetYear"],
  ["direction", "indicatorDirection"],
  ["headline", "indicatorHeadline"],
  ["actual", "indicatorActual"],
] as const;

function aspectText(x: IndicatorSnapshot, aspect: (typeof INDICATOR_ASPECTS)[number][0]): string | null {
  switch (aspect) {
    case "direction":
      return x.direction === "HIGHER" ? "↑" : "↓";
    case "headline":
      return x.headline ? "★" : null;
    case "actual":
      return x.actual === null ? null : `${x.actual} ${x.unit} @ ${x.actualOn ?? ""}`;
    case "targetYear":
      return String(x.targetYear);
    default:
      return x[aspect];
  }
}

/** A change of the indicators: one per indicator added or removed, and one per changed aspect of the others. */
function indicatorChanges(before: ItemSnapshot | null, after: ItemSnapshot): FieldChange[] {
  const list = (s: ItemSnapshot | null) => (s ? (fieldValue(s, "indicators") as IndicatorSnapshot[]) : []);
  const then = new Map(list(before).map((x) => [x.id, x]));
  const now = list(after);
  const nowIds = new Set(now.map((x) => x.id));
  const changes: FieldChange[] = [];
  for (const x of now) {
    const old = then.get(x.id);
    if (!old) {
      changes.push({ field: "indicatorAdded", kind: "text", from: null, to: indicatorText(x), subject: x.name });
      continue;
    }
    for (const [aspect, field] of INDICATOR_ASPECTS) {
      const [from, to] = [aspectText(old, aspect), aspectText(x, aspect)];
      if (from !== to) changes.push({ field, kind: "text", from, to, subject: old.name });
    }
  }
  for (const old of then.values())
    if (!nowIds.has(old.id))
      changes.push({ field: "indicatorRemoved", kind: "text", from: indicatorText(old), to: null, subject: old.name });
  return changes;
}

/** Field by field, what differs from `before` to `after` (every field of `after` when before is null). */
export function describeChanges(before: ItemSnapshot | null, after: ItemSnapshot, names: SnapshotNames): FieldChange[] {
  return loudFields(diffSnapshots(before, after)).flatMap((field): FieldChange | FieldChange[] => {
    if (field === "investmentYears") return investmentYearChanges(before, after);
    if (field === "indicators") return indicatorChanges(before, after);
    const key = field as keyof ItemSnapshot;
    const to = snapshotValueText(field, after[key], names);
    const from = before ? snapshotValueText(field, before[key], names).text : null;
    return { field, kind: to.kind, from, to: to.text };
  });
}
