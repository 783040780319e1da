// Sample accounts (示例数据). All share one documented password so a demo can log in as any role.
import type { Prisma } from "../../../lib/generated/prisma/client";
import type { Role, Side } from "../../../lib/generated/prisma/enums";
import { createRng, hashString } from "./random";
import { GIVEN, SURNAMES } from "./texts";
import { departmentName, JOINT_OFFICE, type DepartmentKey, type SampleUnits, type UnitRef } from "./units";

type Tx = Prisma.TransactionClient;

export const SAMPLE_PASSWORD = "Chengyu#2026";

interface AccountDef {
  loginName: string;
  displayName: string;
  role: Role;
  unitName: string | null;
  description: string;
  /** coordinators: the side they review (JOINT: both) */
  coordinatorScope?: Side;
}

/** Editors: one reporting clerk for each of these departments, on both sides. */
const EDITOR_DEPARTMENTS: { key: DepartmentKey; sc: string; cq: string; names: [string, string] }[] = [
  { key: "fgw", sc: "sc.fgw", cq: "cq.fgw", names: ["刘晓峰", "陈思远"] },
  { key: "jt", sc: "sc.jtt", cq: "cq.jtw", names: ["赵海燕", "周俊杰"] },
  { key: "jx", sc: "sc.jxt", cq: "cq.jxw", names: ["孙文静", "吴国庆"] },
  { key: "sw", sc: "sc.swt", cq: "cq.sww", names: ["黄春燕", "郭德明"] },
  { key: "kj", sc: "sc.kjt", cq: "cq.kjj", names: ["林雨桐", "马光辉"] },
  { key: "sthj", sc: "sc.sthjt", cq: "cq.sthjj", names: ["何丽华", "罗建华"] },
];

function accountDefs(): AccountDef[] {
  const defs: AccountDef[] = [
    {
      loginName: "admin",
      displayName: "系统管理员（示例）",
      role: "ADMIN",
      unitName: JOINT_OFFICE.name,
      description: "管理员：管理单位、账号和事项树",
    },
    {
      loginName: "leader",
      displayName: "张卫东（示例）",
      role: "VIEWER",
      unitName: departmentName("bgt", "SICHUAN"),
      description: "四川方领导：只读查看看板和报告",
    },
    {
      loginName: "leader.cq",
      displayName: "杨志远（示例）",
      role: "VIEWER",
      unitName: departmentName("bgt", "CHONGQING"),
      description: "重庆方领导：只读查看看板和报告",
    },
    {
      loginName: "duban.sc",
      displayName: "王建国（示例）",
      role: "COORDINATOR",
      unitName: departmentName("fgw", "SICHUAN"),
      description: "四川推进办督办员：审核川方牵头事项的报告，管理填报周期",
      coordinatorScope: "SICHUAN",
    },
    {
      loginName: "duban.cq",
      displayName: "李红梅（示例）",
      role: "COORDINATOR",
      unitName: departmentName("fgw", "CHONGQING"),
      description: "重庆推进办督办员：审核渝方牵头事项的报告，管理填报周期",
      coordinatorScope: "CHONGQING",
    },
    {
      loginName: "duban.joint",
      displayName: "陈立新（示例）",
      role: "COORDINATOR",
      unitName: JOINT_OFFICE.name,
      description: "联合办公室督办员：审核两地事项的报告，管理填报周期",
      coordinatorScope: "JOINT",
    },
  ];
  for (const dept of EDITOR_DEPARTMENTS) {
    const scUnit = departmentName(dept.key, "SICHUAN");
    const cqUnit = departmentName(dept.key, "CHONGQING");
    defs.push(
      {
        loginName: dept.sc,
        displayName: `${dept.names[0]}（示例）`,
        role: "EDITOR",
        unitName: scUnit,
        description: `川方填报人员：${scUnit}`,
      },
      {
        loginName: dept.cq,
        displayName: `${dept.names[1]}（示例）`,
        role: "EDITOR",
        unitName: cqUnit,
        description: `渝方填报人员：${cqUnit}`,
      },
    );
  }
  return defs;
}

/** Login names of the other reporting units' clerks: side prefix and a short name (pinyin). */
const UNIT_LOGINS: [RegExp, string][] = [
  [/财政/, "cz"],
  [/自然资源/, "zrzy"],
  [/金融/, "jrj"],
  [/人民政府办公厅/, "bgt"],
  [/人民代表大会/, "rd"],
  [/政治协商/, "zx"],
  [/联合办公室/, "lhb"],
  [/合作办公室/, "hzb"],
  [/成都/, "chengdu"],
  [/德阳/, "deyang"],
  [/眉山/, "meishan"],
  [/宜宾/, "yibin"],
  [/泸州/, "luzhou"],
  [/万州/, "wanzhou"],
  [/南充/, "nanchong"],
  [/达州/, "dazhou"],
  [/开州/, "kaizhou"],
  [/遂宁/, "suining"],
  [/潼南/, "tongnan"],
  [/资阳/, "ziyang"],
  [/内江/, "neijiang"],
  [/大足/, "dazu"],
  [/广安/, "guangan"],
  [/高竹/, "gaozhu"],
  [/两江/, "liangjiang"],
  [/天府/, "tianfu"],
];
const SIDE_PREFIX: Record<Side, string> = { SICHUAN: "sc", CHONGQING: "cq", JOINT: "cy", NATIONAL: "gj" };
const SIDE_CLERK: Record<Side, string> = { SICHUAN: "川方", CHONGQING: "渝方", JOINT: "川渝", NATIONAL: "国家" };

/**
 * A reporting clerk for a unit that must report (it leads or co-leads an item) and has none of the editors
 * above: every responsible unit reports each period, so each has an account.
 */
function clerkDef(unit: UnitRef): AccountDef {
  const short =
    UNIT_LOGINS.find(([pattern]) => pattern.test(unit.name))?.[1] ?? `u${hashString(unit.name).toString(36)}`;
  const rng = createRng(hashString(`clerk:${unit.name}`));
  return {
    loginName: `${SIDE_PREFIX[unit.side]}.${short}`,
    displayName: `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}（示例）`,
    role: "EDITOR",
    unitName: unit.name,
    description: `${SIDE_CLERK[unit.side]}填报人员：${unit.name}`,
  };
}

const MAIN_ACCOUNTS = ["admin", "leader", "duban.sc", "sc.fgw", "cq.jtw"];

/** The accounts the start script prints (all use SAMPLE_PASSWORD). */
export const sampleAccounts: {
  loginName: string;
  role: Role;
  unitName: string | null;
  description: string;
}[] = accountDefs()
  .filter((a) => MAIN_ACCOUNTS.includes(a.loginName))
  .map(({ loginName, role, unitName, description }) => ({ loginName, role, unitName, description }));

export interface SampleUser {
  id: number;
  loginName: string;
  role: Role;
  unit: UnitRef | null;
  coordinatorScope: Side | null;
}

export interface SampleAccounts {
  admin: SampleUser;
  /** unit id → that unit's editor */
  editorByUnit: Map<number, SampleUser>;
  /** the coordinators (督办员) by the side they review (JOINT: the 联合办公室, both sides) */
  coordinators: Record<"SICHUAN" | "CHONGQING" | "JOINT", SampleUser>;
  created: number;
}

/**
 * Creates the sample accounts that do not exist yet (by login name), and a reporting clerk for each of
 * `reportingUnits` that has no editor among them.
 */
export async function ensureAccounts(
  tx: Tx,
  units: SampleUnits,
  hashPassword: (plain: string) => Promise<string>,
  reportingUnits: readonly UnitRef[] = [],
): Promise<SampleAccounts> {
  const defs = accountDefs();
  const staffed = new Set(defs.filter((d) => d.role === "EDITOR").map((d) => d.unitName));
  for (const unit of reportingUnits) {
    if (staffed.has(unit.name)) continue;
    staffed.add(unit.name);
    defs.push(clerkDef(unit));
  }
  const existing = await tx.user.findMany({
    where: { loginName: { in: defs.map((d) => d.loginName) } },
    select: { id: true, loginName: true, role: true, unitId: true, coordinatorScope: true },
  });
  const byLogin = new Map(existing.map((u) => [u.loginName, u]));
  const unitById = new Map([...units.byName.values()].map((u) => [u.id, u]));
  const users: SampleUser[] = [];
  let created = 0;
  // Every sample account has the same password: hashed once (argon2 is slow by design), not once per account.
  let passwordHash: Promise<string> | null = null;
  for (const def of defs) {
    let row = byLogin.get(def.loginName);
    if (!row) {
      const unitId = def.unitName ? (units.byName.get(def.unitName)?.id ?? null) : null;
      row = await tx.user.create({
        data: {
          loginName: def.loginName,
          displayName: def.displayName,
          passwordHash: await (passwordHash ??= hashPassword(SAMPLE_PASSWORD)),
          role: def.role,
          unitId,
          coordinatorScope: def.coordinatorScope ?? null,
          isSample: true,
        },
        select: { id: true, loginName: true, role: true, unitId: true, coordinatorScope: true },
      });
      created++;
    }
    users.push({
      id: row.id,
      loginName: row.loginName,
      role: row.role,
      unit: row.unitId ? (unitById.get(row.unitId) ?? null) : null,
      coordinatorScope: row.coordinatorScope,
    });
  }
  const admin = users.find((u) => u.loginName === "admin")!;
  const editorByUnit = new Map<number, SampleUser>();
  for (const u of users)
    if (u.role === "EDITOR" && u.unit && !editorByUnit.has(u.unit.id)) editorByUnit.set(u.unit.id, u);
  const coordinator = (login: string) => users.find((u) => u.loginName === login)!;
  const coordinators = {
    SICHUAN: coordinator("duban.sc"),
    CHONGQING: coordinator("duban.cq"),
    JOINT: coordinator("duban.joint"),
  };
  return { admin, editorByUnit, coordinators, created };
}
