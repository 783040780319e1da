// Backup: one REPEATABLE READ, READ ONLY transaction, so every table is read from the same snapshot while
// the app keeps writing (a change committed during the backup is wholly in it or wholly absent). Header
// first (counts and checksums computed in that snapshot), then each table's COPY data, into one gzip file.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { createGzip } from "node:zlib";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { foreignKeyOrder, listSequences, listTables, tableChecksum } from "./catalog";
import {
  BackupError,
  END_OF_DUMP,
  END_OF_TABLE,
  FORMAT_VERSION,
  MAGIC,
  quoteIdent,
  SESSION_SETTINGS,
  TABLE_PREFIX,
  type DumpHeader,
} from "./format";

export interface BackupSummary {
  file: string;
  header: DumpHeader;
}

export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  // Written beside the target and renamed when complete: a failed backup never leaves a file that looks whole.
  const partial = `${file}.partial-${process.pid}`;
  try {
    for (const s of SESSION_SETTINGS) await client.query(s);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const found = await listTables(client); // the first query fixes the snapshot
    if (!found.some((t) => t.name === "_prisma_migrations")) {
      throw new BackupError(
        "the database has no _prisma_migrations table: it is not a tracker database (or was never migrated)",
      );
    }
    const order = await foreignKeyOrder(
      client,
      found.map((t) => t.name),
    );
    const tables = [];
    for (const name of order) {
      const columns = found.find((t) => t.name === name)!.columns;
      tables.push({ name, columns, ...(await tableChecksum(client, name)) });
    }
    const { rows: migrations } = await client.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const { rows: version } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    const header: DumpHeader = {
      format: MAGIC,
      version: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      serverVersion: version[0]!.v,
      migrations,
      tables,
      // Read after the snapshot was taken: sequences only move forward, so these are ≥ every id in the dump.
      sequences: await listSequences(client),
    };

    await mkdir(dirname(file), { recursive: true });
    const out = createWriteStream(partial);
    const gzip = createGzip();
    gzip.pipe(out);
    const write = async (text: string) => {
      if (!gzip.write(text)) await once(gzip, "drain");
    };
    await write(`${MAGIC} ${FORMAT_VERSION}\n${JSON.stringify(header)}\n`);
    for (const table of tables) {
      await write(`${TABLE_PREFIX}${table.name}\n`);
      const copy = client.query(
        copyTo(`COPY ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(", ")}) TO STDOUT`),
      );
      for await (const chunk of copy) {
        if (!gzip.write(chunk)) await once(gzip, "drain");
      }
      await write(`${END_OF_TABLE}\n`);
    }
    await write(`${END_OF_DUMP}\n`);
    gzip.end();
    await once(out, "close");
    await client.query("COMMIT");
    await rename(partial, file);
    return { file, header };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    await rm(partial, { force: true });
    throw err;
  } finally {
    await client.end();
  }
}
