// Units (both sides and joint bodies) and accounts (one administrator, viewers, editors placed in units) for
// the large benchmark portfolio. Set-based SQL: one INSERT … SELECT generate_series per kind.
import type pg from "pg";
import { GIVEN, SURNAMES } from "../../prisma/seed/sample/texts";
import { sqlArray, type Targets } from "./common";
// The word pools the generated texts draw on are data, kept in words.json.
import words from "./words.json";

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
  if (
    sc > words.sichuanCities.length * words.departments.length ||
    cq > words.chongqingDistricts.length * words.departments.length
  )
    throw new Error("too many units for the name pools");
  await c.query(`
    INSERT INTO units (name, short_name, side, kind, is_sample, created_at, updated_at)
    SELECT format('川渝%s协同推进专班（第%s组）', (${sqlArray(words.jointTopics)})[(j - 1) % ${words.jointTopics.length} + 1], (j - 1) / ${words.jointTopics.length} + 1),
           NULL, 'JOINT'::side, 'COORDINATION'::unit_kind, false, '${start}'::timestamptz, '${start}'::timestamptz
    FROM generate_series(1, ${joint}) j
    UNION ALL
    SELECT (${sqlArray(words.sichuanCities)})[s % ${words.sichuanCities.length} + 1] || (${sqlArray(words.departments)})[s / ${words.sichuanCities.length} + 1],
           NULL, 'SICHUAN'::side, 'DEPARTMENT'::unit_kind, false, '${start}'::timestamptz, '${start}'::timestamptz
    FROM generate_series(0, ${sc - 1}) s
    UNION ALL
    SELECT (${sqlArray(words.chongqingDistricts)})[q % ${words.chongqingDistricts.length} + 1] || (${sqlArray(words.departments)})[q / ${words.chongqingDistricts.length} + 1],
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
