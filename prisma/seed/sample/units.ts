// Sample units (示例数据): provincial departments on each side, the joint office, and one local government or
// platform for each place the document names. Names that the document seed already created are reused.
import type { Prisma } from "../../../lib/generated/prisma/client";
import type { RegionKind, Side, UnitKind } from "../../../lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

/** What an item is about; picks its lead, co-lead and supporting departments. */
export type Topic =
  | "transport"
  | "finance"
  | "ecology"
  | "energy"
  | "science"
  | "industry"
  | "commerce"
  | "fiscal"
  | "land"
  | "reform"
  | "coordination";

export interface UnitDef {
  name: string;
  shortName: string;
  side: Side;
  kind: UnitKind;
}

type Province = "SICHUAN" | "CHONGQING";

/** Per department: the Sichuan name and short name, the Chongqing ones, and the kind when not a department. */
const DEPARTMENT_NAMES = {
  fgw: ["四川省发展和改革委员会", "四川省发改委", "重庆市发展和改革委员会", "重庆市发改委"],
  jx: ["四川省经济和信息化厅", "四川省经信厅", "重庆市经济和信息化委员会", "重庆市经信委"],
  jt: ["四川省交通运输厅", "四川省交通运输厅", "重庆市交通运输委员会", "重庆市交通运输委"],
  sw: ["四川省商务厅", "四川省商务厅", "重庆市商务委员会", "重庆市商务委"],
  kj: ["四川省科学技术厅", "四川省科技厅", "重庆市科学技术局", "重庆市科技局"],
  sthj: ["四川省生态环境厅", "四川省生态环境厅", "重庆市生态环境局", "重庆市生态环境局"],
  cz: ["四川省财政厅", "四川省财政厅", "重庆市财政局", "重庆市财政局"],
  zrzy: ["四川省自然资源厅", "四川省自然资源厅", "重庆市规划和自然资源局", "重庆市规划自然资源局"],
  jr: ["四川省地方金融管理局", "四川省金融局", "重庆市地方金融管理局", "重庆市金融局"],
  bgt: ["四川省人民政府办公厅", "四川省政府办公厅", "重庆市人民政府办公厅", "重庆市政府办公厅", "GOVERNMENT"],
} satisfies Record<string, [string, string, string, string, UnitKind?]>;

export type DepartmentKey = keyof typeof DEPARTMENT_NAMES;

const DEPARTMENTS = Object.fromEntries(
  Object.entries(DEPARTMENT_NAMES).map(([key, [scName, scShort, cqName, cqShort, kind = "DEPARTMENT"]]) => [
    key,
    {
      SICHUAN: { name: scName, shortName: scShort, side: "SICHUAN", kind },
      CHONGQING: { name: cqName, shortName: cqShort, side: "CHONGQING", kind },
    },
  ]),
) as Record<DepartmentKey, Record<Province, UnitDef>>;

export const JOINT_OFFICE: UnitDef = {
  name: "推动成渝地区双城经济圈建设联合办公室",
  shortName: "双城经济圈联合办",
  side: "JOINT",
  kind: "COORDINATION",
};

export function departmentName(key: DepartmentKey, side: Province): string {
  return DEPARTMENTS[key]![side].name;
}

/** Lead department per topic, then the departments that usually support it. */
export const TOPIC_DEPARTMENTS: Record<Topic, { lead: DepartmentKey | "joint"; support: DepartmentKey[] }> = {
  transport: { lead: "jt", support: ["fgw", "zrzy", "cz"] },
  finance: { lead: "jr", support: ["cz", "fgw"] },
  ecology: { lead: "sthj", support: ["zrzy", "cz", "fgw"] },
  energy: { lead: "fgw", support: ["jx", "zrzy"] },
  science: { lead: "kj", support: ["jx", "fgw", "cz"] },
  industry: { lead: "jx", support: ["fgw", "sw", "kj"] },
  commerce: { lead: "sw", support: ["fgw", "jt", "jr"] },
  fiscal: { lead: "cz", support: ["fgw", "zrzy"] },
  land: { lead: "zrzy", support: ["fgw", "cz"] },
  reform: { lead: "fgw", support: ["cz", "zrzy", "bgt"] },
  coordination: { lead: "joint", support: ["bgt", "fgw"] },
};

interface RegionRow {
  id: number;
  name: string;
  side: Side;
  kind: RegionKind;
}

/**
 * The local government (or new-area administration) for a place the document names, or null where none fits
 * (areas such as 川南渝西, and 重庆 itself, whose items go to the municipal departments).
 */
export function localUnitFor(region: RegionRow): UnitDef | null {
  const name = region.name.trim();
  if (region.kind === "AREA") return null;
  if (region.kind === "NEW_AREA") {
    if (name.includes("天府"))
      return { name: "四川天府新区管理委员会", shortName: "天府新区管委会", side: "SICHUAN", kind: "PLATFORM" };
    if (name.includes("两江"))
      return { name: "重庆两江新区管理委员会", shortName: "两江新区管委会", side: "CHONGQING", kind: "PLATFORM" };
    if (name.includes("高竹"))
      return { name: "川渝高竹新区管理委员会", shortName: "高竹新区管委会", side: "JOINT", kind: "PLATFORM" };
    const full = name.endsWith("新区") ? name : `${name}新区`;
    return { name: `${full}管理委员会`, shortName: `${full}管委会`, side: region.side, kind: "PLATFORM" };
  }
  if (name.startsWith("重庆")) return null;
  const suffix = region.kind === "CITY" ? "市" : region.kind === "DISTRICT" ? "区" : "县";
  const full = /[市区县]$/.test(name) ? name : `${name}${suffix}`;
  return { name: `${full}人民政府`, shortName: `${full}政府`, side: region.side, kind: "LOCAL_GOVERNMENT" };
}

export interface UnitRef {
  id: number;
  name: string;
  side: Side;
  kind: UnitKind;
}

export interface SampleUnits {
  byName: Map<string, UnitRef>;
  /** region id → its local government or platform unit */
  byRegion: Map<number, UnitRef>;
  created: number;
  department(key: DepartmentKey, side: Province): UnitRef;
  jointOffice: UnitRef;
}

/** Creates the sample units that do not exist yet (by name) and returns lookups for all of them. */
export async function ensureUnits(tx: Tx, regions: RegionRow[]): Promise<SampleUnits> {
  const defs: UnitDef[] = [JOINT_OFFICE];
  for (const pair of Object.values(DEPARTMENTS)) defs.push(pair.SICHUAN, pair.CHONGQING);
  const regionUnitName = new Map<number, string>();
  for (const region of regions) {
    const def = localUnitFor(region);
    if (!def) continue;
    regionUnitName.set(region.id, def.name);
    if (!defs.some((d) => d.name === def.name)) defs.push(def);
  }

  const existing = await tx.unit.findMany({ select: { id: true, name: true, side: true, kind: true } });
  const byName = new Map<string, UnitRef>(existing.map((u) => [u.name, u]));
  const missing = defs.filter((d) => !byName.has(d.name));
  if (missing.length > 0) {
    const created = await tx.unit.createManyAndReturn({
      data: missing.map((d) => ({ ...d, isSample: true })),
      select: { id: true, name: true, side: true, kind: true },
    });
    for (const u of created) byName.set(u.name, u);
  }

  const get = (name: string): UnitRef => {
    const unit = byName.get(name);
    if (!unit) throw new Error(`sample unit ${name} missing`);
    return unit;
  };
  const byRegion = new Map<number, UnitRef>();
  for (const [regionId, name] of regionUnitName) byRegion.set(regionId, get(name));
  return {
    byName,
    byRegion,
    created: missing.length,
    department: (key, side) => get(departmentName(key, side)),
    jointOffice: get(JOINT_OFFICE.name),
  };
}
