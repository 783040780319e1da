// What the backup reads from PostgreSQL's catalogue: the public schema's tables (with their columns), the
// order that satisfies their foreign keys, sequences, and a checksum of each table's content.
import type pg from "pg";
import { BackupError, quoteIdent, type DumpSequence } from "./format";

export async function listTables(client: pg.ClientBase): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ table: string; columns: string[] }>(
    `SELECT c.relname AS table,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
      GROUP BY c.relname
      ORDER BY c.relname`,
  );
  return rows.map((r) => ({ name: r.table, columns: r.columns }));
}

/**
 * Table names ordered so every table follows the tables its foreign keys reference — self-references aside, and
 * deferrable keys aside: the restore defers those to the end of its transaction (units' 联络人 → users closes
 * the one cycle, users → units).
 */
export async function foreignKeyOrder(client: pg.ClientBase, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND NOT c.condeferrable`,
  );
  const unquote = (n: string) =>
    n
      .replace(/^public\./, "")
      .replace(/^"(.*)"$/, "$1")
      .replace(/""/g, '"');
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const r of rows) {
    const child = unquote(r.child);
    const parent = unquote(r.parent);
    if (child !== parent) parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p) || !parents.has(p)),
    );
    if (ready.length === 0) {
      // A cycle of keys that are not deferrable could only be restored with triggers disabled (superuser).
      throw new BackupError(
        `foreign keys form a cycle among ${tables.filter((t) => !placed.has(t)).join(", ")}; this backup cannot order them`,
      );
    }
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

/**
 * Row count and a checksum of a table's content that does not depend on row order or physical layout:
 * md5 of the sorted md5s of every row's text form (printed under SESSION_SETTINGS).
 */
export async function tableChecksum(client: pg.ClientBase, table: string): Promise<{ rows: number; checksum: string }> {
  const { rows } = await client.query<{ rows: string; checksum: string }>(
    `SELECT count(*)::text AS rows,
            md5(coalesce(string_agg(h, '' ORDER BY h COLLATE "C"), '')) AS checksum
       FROM (SELECT md5(t::text) AS h FROM ${quoteIdent(table)} t) s`,
  );
  return { rows: Number(rows[0]!.rows), checksum: rows[0]!.checksum };
}

export async function listSequences(client: pg.ClientBase): Promise<DumpSequence[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S' ORDER BY relname`,
  );
  const sequences: DumpSequence[] = [];
  for (const { name } of rows) {
    const { rows: state } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM ${quoteIdent(name)}`,
    );
    sequences.push({ name, lastValue: state[0]!.last_value, isCalled: state[0]!.is_called });
  }
  return sequences;
}
