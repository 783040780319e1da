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

const DEPARTMENTS: Record<string, Record<Province, UnitDef>> = {
  fgw: {
    SICHUAN: { name: "四川省发展和改革委员会", shortName: "四川省发改委", side: "SICHUAN", kind: "DEPARTMENT" },
    CHONGQING: { name: "重庆市发展和改革委员会", shortName: "重庆市发改委", side: "CHONGQING", kind: "DEPARTMENT" },
  },
  jx: {
    SICHUAN: { name: "四川省经济和信息化厅", shortName: "四川省经信厅", side: "SICHUAN", kind: "DEPARTMENT" },
    CHONGQING: { name: "重庆市经济和信息化委员会", shortName: "重庆市经信委", side: "CHONGQING", kind: "DEPARTMENT" },
  },
  jt: {
    SICHUAN: { name: "四川省交通运输厅", shortName: "四川省交通运输厅", side: "SICHUAN", kind: "DEPARTMENT" },
    CHONGQING: { name: "重庆市交通运输委员会", shortName: "重庆市交通运输委", side: "CHONGQING", kind: "DEPARTMENT" },
  },
  sw: {
    SICHUAN: { name: "四川省商务厅", shortName: "四川省商务厅", side: "SICHUAN", kind: "DEPARTMENT" },
    CHONGQING: { name: "重庆市商务委员会", shortName: "重庆市商务委", side: "CHONGQING", kind: "DEPARTMENT" },
  },
  kj: {
    SICHUAN: { name: "四川省科学技术厅", shortName: "四川省科技厅", side: "SICHUAN", kind: "DEPARTMENT" },
    CHONGQING: { name: "重庆市科学技术局", shortName: "重庆市科技局", side: "CHONGQING", kind: "DEPARTMENT" },
  },
  sthj: {
    SICHUAN: { name: "四川省生态环境厅", shortName: "四川省生态环境厅", side: "SICHUAN", kind: "DEPARTMENT" },
    CHONGQING: { name: "重庆市生态环境局", shortName: "重庆市生态环境局", side: "CHONGQING", kind: "DEPARTMENT" },
  },
  cz: {
    SICHUAN: { name: "四川省财政厅", shortName: "四川省财政厅", side: "SICHUAN", kind: "DEPARTMENT" },
    CHONGQING: { name: "重庆市财政局", shortName: "重庆市财政局", side: "CHONGQING", kind: "DEPARTMENT" },
  },
  zrzy: {
    SICHUAN: { name: "四川省自然资源厅", shortName: "四川省自然资源厅", side: "SICHUAN", kind: "DEPARTMENT" },
    CHONGQING: {
      name: "重庆市规划和自然资源局",
      shortName: "重庆市规划自然资源局",
      side: "CHONGQING",
      kind: "DEPARTMENT",
    },
  },
  jr: {
    SICHUAN: { name: "四川省地方金融管理局", shortName: "四川省金融局", side: "SICHUAN", kind: "DEPARTMENT" },
    CHONGQING: { name: "重庆市地方金融管理局", shortName: "重庆市金融局", side: "CHONGQING", kind: "DEPARTMENT" },
  },
  bgt: {
    SICHUAN: { name: "四川省人民政府办公厅", shortName: "四川省政府办公厅", side: "SICHUAN", kind: "GOVERNMENT" },
    CHONGQING: { name: "重庆市人民政府办公厅", shortName: "重庆市政府办公厅", side: "CHONGQING", kind: "GOVERNMENT" },
  },
};

export type DepartmentKey = keyof typeof DEPARTMENTS;

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
