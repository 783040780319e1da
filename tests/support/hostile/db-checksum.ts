// "Nothing was written", measured on the whole database rather than on the tables a test expects to change.
// checksum(): row count and md5 of every row of every table in the public schema (exact, a few hundred ms).
// quickFingerprint(): per table the row count and the newest row version (xmin) — any INSERT or UPDATE creates
// a row version with a new xmin and any DELETE lowers the count, so it sees every committed write, cheaply
// enough to run after each generated input. Row locks (SELECT … FOR UPDATE) do not change xmin.
import type { Db } from "../../../lib/prisma-client";

async function tables(db: Db): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  return rows.map((r) => r.name);
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function checksum(db: Db): Promise<Record<string, string>> {
  const names = await tables(db);
  const sql = names
    .map(
      (n) =>
        `SELECT '${n}' AS t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '-') AS h FROM ${ident(n)} x`,
    )
    .join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ t: string; h: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

let quickSql: string | undefined;
export async function quickFingerprint(db: Db): Promise<string> {
  quickSql ??= (await tables(db))
    .map(
      (n) =>
        `SELECT '${n}' AS t, count(*)::text || ':' || coalesce(max(x.xmin::text::bigint), 0)::text AS h FROM ${ident(n)} x`,
    )
    .join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ t: string; h: string }[]>(quickSql);
  // UNION ALL promises no order (a parallel append returns its branches as they finish): sort, so only a write
  // changes the fingerprint.
  return rows
    .map((r) => `${r.t}=${r.h}`)
    .sort()
    .join(" ");
}
