// Units (both sides and joint bodies) and accounts (one administrator, viewers, editors placed in units) for
// the large benchmark portfolio. Set-based SQL: one INSERT … SELECT generate_series per kind.
import type pg from "pg";
import { GIVEN, SURNAMES } from "../../prisma/seed/sample/texts";
import { sqlArray, type Targets } from "./common";

const SC_CITIES = [
  "成都市",
  "绵阳市",
  "德阳市",
  "宜宾市",
  "泸州市",
  "南充市",
  "达州市",
  "遂宁市",
  "乐山市",
  "内江市",
  "自贡市",
  "眉山市",
  "资阳市",
  "广安市",
  "雅安市",
];
const CQ_DISTRICTS = [
  "万州区",
  "涪陵区",
  "渝中区",
  "江北区",
  "沙坪坝区",
  "九龙坡区",
  "南岸区",
  "北碚区",
  "渝北区",
  "巴南区",
  "长寿区",
  "江津区",
  "合川区",
  "永川区",
  "綦江区",
  "大足区",
  "璧山区",
  "铜梁区",
  "潼南区",
  "荣昌区",
];
const DEPARTMENTS = [
  "发展和改革局",
  "经济和信息化局",
  "交通运输局",
  "商务局",
  "科学技术局",
  "生态环境局",
  "财政局",
  "自然资源和规划局",
  "住房和城乡建设局",
  "农业农村局",
  "文化和旅游局",
  "卫生健康委员会",
  "教育局",
  "人力资源和社会保障局",
  "水利局",
  "市场监督管理局",
  "大数据发展局",
  "应急管理局",
];
const JOINT_TOPICS = [
  "交通互联",
  "产业协作",
  "科技创新",
  "生态共保",
  "对外开放",
  "公共服务",
  "金融协同",
  "能源保障",
  "文旅融合",
  "农业合作",
];
export const BENCH_PASSWORD = "Bench#2026";
export const ADMIN_LOGIN = "bench.admin";
export const VIEWER_COUNT = 40;
export const viewerLogin = (n: number) => `bench.viewer.${String(n).padStart(3, "0")}`;
export const editorLogin = (n: number) => `bench.editor.${String(n).padStart(3, "0")}`;

export async function generateUnits(c: pg.Client, t: Targets, start: string): Promise<void> {
  const { rows } = await c.query<{ n: number }>("SELECT count(*)::int AS n FROM units");
  const toAdd = t.units - rows[0]!.n;
  if (toAdd <= 0) return;
  const joint = Math.round(toAdd * 0.08);
  const sc = Math.ceil((toAdd - joint) / 2);
  const cq = toAdd - joint - sc;
  if (sc > SC_CITIES.length * DEPARTMENTS.length || cq > CQ_DISTRICTS.length * DEPARTMENTS.length)
    throw new Error("too many units for the name pools");
  await c.query(`
    INSERT INTO units (name, short_name, side, kind, is_sample, created_at, updated_at)
    SELECT format('川渝%s协同推进专班（第%s组）', (${sqlArray(JOINT_TOPICS)})[(j - 1) % ${JOINT_TOPICS.length} + 1], (j - 1) / ${JOINT_TOPICS.length} + 1),
           NULL, 'JOINT'::side, 'COORDINATION'::unit_kind, false, '${start}'::timestamptz, '${start}'::timestamptz
    FROM generate_series(1, ${joint}) j
    UNION ALL
    SELECT (${sqlArray(SC_CITIES)})[s % ${SC_CITIES.length} + 1] || (${sqlArray(DEPARTMENTS)})[s / ${SC_CITIES.length} + 1],
           NULL, 'SICHUAN'::side, 'DEPARTMENT'::unit_kind, false, '${start}'::timestamptz, '${start}'::timestamptz
    FROM generate_series(0, ${sc - 1}) s
    UNION ALL
    SELECT (${sqlArray(CQ_DISTRICTS)})[q % ${CQ_DISTRICTS.length} + 1] || (${sqlArray(DEPARTMENTS)})[q / ${CQ_DISTRICTS.length} + 1],
           NULL, 'CHONGQING'::side, 'DEPARTMENT'::unit_kind, false, '${start}'::timestamptz, '${start}'::timestamptz
    FROM generate_series(0, ${cq - 1}) q`);
}

/**
 * Accounts: bench.admin (ADMIN), bench.viewer.NNN (VIEWER), bench.editor.NNN (EDITOR), editor k in the k-th
 * unit by id, so most units have exactly one editor and the rest report through the administrator.
 * All share BENCH_PASSWORD (one argon2 hash computed in Node).
 */
export async function generateAccounts(c: pg.Client, t: Targets, passwordHash: string, start: string): Promise<void> {
  const { rows } = await c.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
  const editors = t.accounts - rows[0]!.n - 1 - VIEWER_COUNT;
  if (editors <= 0) return;
  const name = (k: string) =>
    `(${sqlArray(SURNAMES)})[${k} % ${SURNAMES.length} + 1] || (${sqlArray(GIVEN)})[(${k} / ${SURNAMES.length}) % ${GIVEN.length} + 1]`;
  await c.query(
    `WITH u AS (SELECT id, side, row_number() OVER (ORDER BY id) AS k FROM units)
     INSERT INTO users (login_name, display_name, password_hash, role, unit_id, created_at, updated_at)
     SELECT '${ADMIN_LOGIN}', '基准测试管理员', $1, 'ADMIN'::role, (SELECT min(id) FROM units WHERE side = 'JOINT'), '${start}'::timestamptz, '${start}'::timestamptz
     UNION ALL
     SELECT format('bench.viewer.%s', lpad(v::text, 3, '0')), ${name("(v + 300)")} || '（领导）', $1, 'VIEWER'::role,
            (SELECT id FROM u WHERE u.k = v * 7 % (SELECT count(*) FROM u) + 1), '${start}'::timestamptz, '${start}'::timestamptz
     FROM generate_series(1, ${VIEWER_COUNT}) v
     UNION ALL
     SELECT format('bench.editor.%s', lpad(e::text, 3, '0')), ${name("e")}, $1, 'EDITOR'::role,
            (SELECT id FROM u WHERE u.k = (e - 1) % (SELECT count(*) FROM u) + 1), '${start}'::timestamptz, '${start}'::timestamptz
     FROM generate_series(1, ${editors}) e`,
    [passwordHash],
  );
}
