// Who owns each action item in the sample (示例数据): lead unit by topic or place, a co-lead from the other side
// for joint items, supporting units, a responsible person, weight and planned dates. Pure: no database access.
import type { Side } from "../../../lib/generated/prisma/enums";
import { SampleCalendar, type Rng } from "./random";
import { responsiblePerson } from "./texts";
import { classifyKind, type ItemKind } from "./kinds";
import { classifyTopic, PLACE_LED_TOPICS } from "./topics";
import { TOPIC_DEPARTMENTS, type SampleUnits, type Topic, type UnitRef } from "./units";

export interface ItemInfo {
  id: number;
  code: string;
  title: string;
  /** the source sentence the item was taken from */
  excerpt: string;
  pillarNumber: number;
  recommendationTitle: string;
  /** regions the document already links */
  regionIds: number[];
}

export interface RegionInfo {
  id: number;
  name: string;
  side: Side;
}

export interface Ownership {
  topic: Topic;
  /** what kind of work it is: the sample's texts, milestones and statuses follow it (kinds.ts) */
  kind: ItemKind;
  lead: UnitRef;
  coLead: UnitRef | null;
  supportingUnitIds: number[];
  responsiblePerson: string;
  weight: number;
  /** day numbers of the sample calendar (may lie before day 0 or after today) */
  startDay: number;
  dueDay: number;
  /** day the owner, dates and links are set */
  assignDay: number;
}

type Province = "SICHUAN" | "CHONGQING";

function other(side: Province): Province {
  return side === "SICHUAN" ? "CHONGQING" : "SICHUAN";
}

function isProvince(side: Side): side is Province {
  return side === "SICHUAN" || side === "CHONGQING";
}

function uniqueUnits(units: (UnitRef | null | undefined)[]): UnitRef[] {
  const seen = new Set<number>();
  const out: UnitRef[] = [];
  for (const u of units) {
    if (!u || seen.has(u.id)) continue;
    seen.add(u.id);
    out.push(u);
  }
  return out;
}

/** Due date relative to today: some already past, most this year or next, a few long-term (more of the works). */
function dueOffset(rng: Rng, kind: ItemKind): number {
  const bucket = rng.weighted([
    ["past", 0.22],
    ["soon", 0.33],
    ["next", 0.3],
    ["long", kind === "construction" ? 0.3 : 0.1],
  ] as const);
  if (bucket === "past") return -rng.int(10, 240);
  if (bucket === "soon") return rng.int(10, 200);
  if (bucket === "next") return rng.int(200, 600);
  return rng.int(600, 1500);
}

export function planOwnership(
  item: ItemInfo,
  regions: Map<number, RegionInfo>,
  units: SampleUnits,
  cal: SampleCalendar,
  rng: Rng,
): Ownership {
  const topic = classifyTopic(item.title, item.pillarNumber);
  const kind = classifyKind({ code: item.code, title: item.title, excerpt: item.excerpt });
  const places = uniqueUnits(item.regionIds.map((id) => units.byRegion.get(id)));
  const regionSides = new Set(
    item.regionIds.map((id) => regions.get(id)?.side).filter((s): s is Province => !!s && isProvince(s)),
  );
  const oneSided = regionSides.size === 1;
  const preferredSide: Province = oneSided ? [...regionSides][0]! : rng.chance(0.5) ? "SICHUAN" : "CHONGQING";
  const rule = TOPIC_DEPARTMENTS[topic];
  const deptKey = rule.lead === "joint" ? "fgw" : rule.lead;

  let lead: UnitRef;
  let coLead: UnitRef | null = null;
  const supportPool: UnitRef[] = [];

  const legislature = legislatureUnits(item.title, units);
  if (legislature) {
    // 人大、政协 items: the two congresses (or CPPCC committees) lead jointly; the document seed names them.
    lead = legislature.lead[preferredSide];
    coLead = legislature.lead[other(preferredSide)];
    supportPool.push(...legislature.support, units.jointOffice);
  } else if (rule.lead === "joint") {
    lead = units.jointOffice;
    supportPool.push(
      ...rng.shuffle(rule.support.flatMap((k) => [units.department(k, "SICHUAN"), units.department(k, "CHONGQING")])),
    );
  } else if (places.length > 0 && PLACE_LED_TOPICS.has(topic)) {
    lead = places.find((u) => u.side === preferredSide) ?? places[0]!;
    if (isProvince(lead.side)) {
      const leadSide = lead.side;
      coLead = places.find((u) => u.side === other(leadSide)) ?? null;
      // A place on one side only is that side's business; places on both sides make it joint.
      if (!coLead && !oneSided) coLead = units.department(deptKey, other(leadSide));
      supportPool.push(...rng.shuffle(places), units.department(deptKey, leadSide));
    } else {
      supportPool.push(
        ...rng.shuffle(places),
        units.department(deptKey, "SICHUAN"),
        units.department(deptKey, "CHONGQING"),
      );
    }
  } else {
    lead = units.department(deptKey, preferredSide);
    if (rng.chance(oneSided ? 0.4 : 0.85)) coLead = units.department(deptKey, other(preferredSide));
    supportPool.push(...rng.shuffle(places));
    for (const k of rng.shuffle(rule.support))
      supportPool.push(units.department(k, rng.chance(0.7) ? preferredSide : other(preferredSide)));
    if (rng.chance(0.15)) supportPool.unshift(units.jointOffice);
  }

  const cas = units.byName.get("中国科学院");
  if (cas && /中国科学院|中科院/.test(item.title)) supportPool.unshift(cas);

  const named = cas !== undefined && supportPool[0] === cas;
  const supportCount: number = named
    ? rng.int(1, 2)
    : rng.weighted([
        [0, 0.25],
        [1, 0.45],
        [2, 0.3],
      ] as const);
  const supporting = uniqueUnits(supportPool)
    .filter((u) => u.id !== lead.id && u.id !== coLead?.id)
    .slice(0, supportCount);

  const dueDay = cal.lastDay + 1 + dueOffset(rng, kind);
  const startDay = dueDay - rng.int(240, 1100);
  let weight: number = rng.weighted([
    [1, 0.4],
    [2, 0.4],
    [3, 0.2],
  ] as const);
  if (kind === "construction" && weight < 3 && rng.chance(0.4)) weight++;

  return {
    topic,
    kind,
    lead,
    coLead,
    supportingUnitIds: supporting.map((u) => u.id),
    responsiblePerson: responsiblePerson(rng, lead.name, lead.kind),
    weight,
    startDay,
    dueDay,
    assignDay: cal.workday(rng.int(1, 12)),
  };
}

const CONGRESS = { SICHUAN: "四川省人民代表大会常务委员会", CHONGQING: "重庆市人民代表大会常务委员会" } as const;
const CPPCC = { SICHUAN: "中国人民政治协商会议四川省委员会", CHONGQING: "中国人民政治协商会议重庆市委员会" } as const;

/** The document seed's congress and CPPCC units, for items about them (null if absent or not such an item). */
function legislatureUnits(
  title: string,
  units: SampleUnits,
): { lead: Record<Province, UnitRef>; support: UnitRef[] } | null {
  const pick = (names: Record<Province, string>) => {
    const sc = units.byName.get(names.SICHUAN);
    const cq = units.byName.get(names.CHONGQING);
    return sc && cq ? { SICHUAN: sc, CHONGQING: cq } : null;
  };
  const congress = /人大/.test(title) ? pick(CONGRESS) : null;
  const cppcc = /政协/.test(title) ? pick(CPPCC) : null;
  if (congress) return { lead: congress, support: cppcc ? [cppcc.SICHUAN, cppcc.CHONGQING] : [] };
  if (cppcc) return { lead: cppcc, support: [] };
  return null;
}

/** A region of the lead's side (or any side) the item does not link yet, for the few items that get one. */
export function extraRegion(item: ItemInfo, ownership: Ownership, regions: RegionInfo[], rng: Rng): number | null {
  const taken = new Set(item.regionIds);
  const sameSide = regions.filter((r) => !taken.has(r.id) && r.side === ownership.lead.side);
  const pool = sameSide.length > 0 ? sameSide : regions.filter((r) => !taken.has(r.id));
  return pool.length > 0 ? rng.pick(pool).id : null;
}
