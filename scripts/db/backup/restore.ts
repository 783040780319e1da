// Restore: into an EMPTY database only (no relations in schema public — a restore never merges into or
// overwrites data). First the migrations the dump was made with (the project's own SQL files, refused if the
// dump has one this code does not know or one that differs), committed on their own because PostgreSQL does
// not let a transaction use an enum value it added; then, in ONE transaction, every table's rows by COPY in
// foreign-key order, sequences set to their dumped values, and every table's row count and checksum checked
// against the header. Any failure rolls the data back and drops the schema again, leaving the target empty;
// the migration lock is held throughout, so an app starting on the target waits for the outcome.
//
// Triggers: COPY inserts, so the append-only guards (UPDATE/DELETE/TRUNCATE) do not fire, and the deferred
// "every item version has a history row" check passes because history is restored in the same
// transaction. Deferred triggers that maintain derived rows (data_version's counter) are run early with SET
// CONSTRAINTS ALL IMMEDIATE; a table they rewrote is copied again from the file, so it ends as dumped.
// Guards that refuse INSERTs (a closed period's obligations, frozen states and files: rows the source wrote
// before the close, which a restore must write after it) are switched off for the copy and on again before
// the check, all inside the transaction, so no other session ever sees them off. No superuser is needed: the
// restoring role owns the tables it has just created (no session_replication_role, no system triggers).
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { CREATE_TABLE, PRISMA_MIGRATE_LOCK_ID, readMigrations, DEFAULT_MIGRATIONS_DIR } from "../migrate";
import { listTables, tableChecksum } from "./catalog";
import { BackupError, quoteIdent, SESSION_SETTINGS, type DumpHeader } from "./format";
import { readHeader, streamTables } from "./read";

export interface RestoreSummary {
  header: DumpHeader;
  /** per table: rows and checksum found in the restored database (equal to the header's, or the restore fails) */
  tables: { name: string; rows: number; checksum: string }[];
  /** tables re-copied after deferred triggers rewrote them */
  recopied: string[];
}

/** Relations in schema public: a target with any is not empty. */
export async function publicRelationCount(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`,
  );
  return Number(rows[0]!.n);
}

/** The schema's own BEFORE INSERT row triggers (user triggers, not constraint or system ones). */
async function insertGuards(client: pg.ClientBase): Promise<{ table: string; trigger: string }[]> {
  const { rows } = await client.query<{ table: string; trigger: string }>(
    `SELECT c.relname AS table, t.tgname AS trigger
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal AND t.tgconstraint = 0
        AND t.tgtype & 1 <> 0 AND t.tgtype & 2 <> 0 AND t.tgtype & 4 <> 0
      ORDER BY 1, 2`,
  );
  return rows;
}

async function migrationsFor(header: DumpHeader, dir: string) {
  const known = await readMigrations(dir);
  return header.migrations.map((m) => {
    const file = known.find((k) => k.name === m.name);
    if (!file)
      throw new BackupError(
        `the dump was made by a newer version of the tracker: migration ${m.name} is unknown to this code; restore with that version`,
      );
    if (file.checksum !== m.checksum)
      throw new BackupError(
        `migration ${m.name} differs between the dump and this code (checksum); restore with the version that made the dump`,
      );
    return file;
  });
}

export async function restoreDatabase(
  file: string,
  databaseUrl: string,
  options: { migrationsDir?: string } = {},
): Promise<RestoreSummary> {
  const header = await readHeader(file);
  const migrations = await migrationsFor(header, options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  // Read the whole file once before touching the target: gzip's CRC and length check and the table framing
  // catch a corrupt or truncated file here, with a clear message, instead of halfway through a COPY.
  await streamTables(file, () => null);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let migrated: SchemaObjects | null = null;
  try {
    for (const s of SESSION_SETTINGS) await client.query(s);
    const existing = await publicRelationCount(client);
    if (existing > 0) {
      throw new BackupError(
        `the target database is not empty (${existing} tables, sequences or views in schema public); restore only into a new, empty database`,
      );
    }
    // The migration runner's lock, held by this session across both transactions: an app starting on this
    // database meanwhile waits instead of migrating or seeding it.
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_ID]);
    // Checked again under the lock: another restore may have filled the database since.
    if ((await publicRelationCount(client)) > 0)
      throw new BackupError("the target database is not empty (filled while this restore started)");

    // 1. The schema, committed on its own: PostgreSQL refuses rows using an enum value added (ALTER TYPE …
    //    ADD VALUE, as the reporting cycle's migration adds COORDINATOR) in the transaction that inserts them.
    const before = await schemaObjects(client);
    await client.query("BEGIN");
    try {
      await client.query(CREATE_TABLE);
      for (const m of migrations) await client.query(m.sql);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    }
    migrated = before;

    // 2. The data, in one transaction. If it fails, what step 1 made is dropped again (below). Deferrable foreign
    // keys (left out of the dump's order, catalog.ts) are checked at SET CONSTRAINTS ALL IMMEDIATE below.
    await client.query("BEGIN");
    await client.query("SET CONSTRAINTS ALL DEFERRED");
    try {
      const schema = await listTables(client);
      for (const t of header.tables) {
        const columns = schema.find((s) => s.name === t.name)?.columns;
        if (!columns || columns.join(",") !== t.columns.join(",")) {
          throw new BackupError(
            `table ${t.name} of the dump does not match the migrated schema (columns ${t.columns.join(", ")}); the dump is corrupt`,
          );
        }
      }
      const extra = schema.filter((s) => !header.tables.some((t) => t.name === s.name));
      if (extra.length)
        throw new BackupError(
          `the migrated schema has tables the dump lacks (${extra.map((s) => s.name).join(", ")}); the dump is corrupt`,
        );
      // Rows the migrations themselves inserted (e.g. data_version's single row) are replaced by the dump's.
      for (const t of header.tables) await client.query(`DELETE FROM ${quoteIdent(t.name)}`);
      const guards = await insertGuards(client);
      for (const g of guards)
        await client.query(`ALTER TABLE ${quoteIdent(g.table)} DISABLE TRIGGER ${quoteIdent(g.trigger)}`);

      const copyInto = (only?: Set<string>) =>
        streamTables(file, (table) => {
          if (only && !only.has(table)) return null;
          const columns = header.tables.find((t) => t.name === table)!.columns;
          const stream = client.query(
            copyFrom(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) FROM STDIN`),
          );
          stream.on("error", () => undefined); // reported through the awaits in streamTables
          return stream;
        });
      await copyInto().catch((err: unknown) => {
        if (err instanceof BackupError) throw err;
        throw new BackupError(
          `the dump's rows could not be loaded (${(err as Error).message}); it is corrupt, nothing was restored`,
        );
      });
      await client.query("SET CONSTRAINTS ALL IMMEDIATE");
      const rewritten: string[] = [];
      for (const t of header.tables) {
        const got = await tableChecksum(client, t.name);
        if (got.rows !== t.rows || got.checksum !== t.checksum) rewritten.push(t.name);
      }
      if (rewritten.length) {
        // Only tables that triggers can write to without being guarded; history and audit refuse DELETE.
        for (const name of rewritten) await client.query(`DELETE FROM ${quoteIdent(name)}`);
        await copyInto(new Set(rewritten));
        await client.query("SET CONSTRAINTS ALL IMMEDIATE");
      }

      for (const g of guards)
        await client.query(`ALTER TABLE ${quoteIdent(g.table)} ENABLE TRIGGER ${quoteIdent(g.trigger)}`);

      for (const s of header.sequences) {
        const { rowCount } = await client.query(
          `SELECT 1 FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S' AND relname = $1`,
          [s.name],
        );
        if (!rowCount)
          throw new BackupError(`sequence ${s.name} of the dump does not exist after migrating; the dump is corrupt`);
        await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [
          quoteIdent(s.name),
          s.lastValue,
          s.isCalled,
        ]);
      }

      const tables = [];
      const wrong: string[] = [];
      for (const t of header.tables) {
        const got = await tableChecksum(client, t.name);
        tables.push({ name: t.name, ...got });
        if (got.rows !== t.rows || got.checksum !== t.checksum)
          wrong.push(
            `${t.name} (${got.rows} rows, dump says ${t.rows}; checksum ${got.checksum === t.checksum ? "equal" : "differs"})`,
          );
      }
      if (wrong.length)
        throw new BackupError(`the restored data does not match the dump: ${wrong.join("; ")}; nothing was restored`);
      await client.query("COMMIT");
      migrated = null;
      return { header, tables, recopied: rewritten };
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    }
  } catch (err) {
    // The data could not be restored: leave the target as empty as it was found.
    if (migrated) await dropCreatedSince(client, migrated).catch(() => undefined);
    throw err;
  } finally {
    await client.query("SELECT pg_advisory_unlock_all()").catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

interface SchemaObjects {
  types: Set<string>;
  functions: Set<string>;
}

/** The types and functions of schema public (an empty database may have some; relations it has none). */
async function schemaObjects(client: pg.ClientBase): Promise<SchemaObjects> {
  const { rows: types } = await client.query<{ name: string }>(
    `SELECT t.oid::regtype::text AS name FROM pg_type t
      WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'r', 'm')`,
  );
  const { rows: functions } = await client.query<{ name: string }>(
    `SELECT p.oid::regprocedure::text AS name FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace`,
  );
  return { types: new Set(types.map((r) => r.name)), functions: new Set(functions.map((r) => r.name)) };
}

/** Drops every relation of schema public (there were none) and the types and functions made after `before`. */
async function dropCreatedSince(client: pg.ClientBase, before: SchemaObjects): Promise<void> {
  await client.query("BEGIN");
  try {
    const { rows: relations } = await client.query<{ name: string; kind: string }>(
      `SELECT c.oid::regclass::text AS name, c.relkind AS kind FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`,
    );
    const word: Record<string, string> = { v: "VIEW", m: "MATERIALIZED VIEW", f: "FOREIGN TABLE" };
    for (const r of relations) await client.query(`DROP ${word[r.kind] ?? "TABLE"} IF EXISTS ${r.name} CASCADE`);
    const { rows: sequences } = await client.query<{ name: string }>(
      `SELECT c.oid::regclass::text AS name FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'`,
    );
    for (const r of sequences) await client.query(`DROP SEQUENCE IF EXISTS ${r.name} CASCADE`);
    const now = await schemaObjects(client);
    for (const name of now.functions)
      if (!before.functions.has(name)) await client.query(`DROP FUNCTION IF EXISTS ${name} CASCADE`);
    for (const name of now.types)
      if (!before.types.has(name)) await client.query(`DROP TYPE IF EXISTS ${name} CASCADE`);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  }
}
