// Reading a dump file: its header, and its tables' COPY data line by line. Any gzip error (a corrupt or
// truncated file fails gzip's CRC and length check) becomes a BackupError naming the file.
import { once } from "node:events";
import { createReadStream } from "node:fs";
import type { Writable } from "node:stream";
import { createGunzip } from "node:zlib";
import { BackupError, END_OF_DUMP, END_OF_TABLE, FORMAT_VERSION, MAGIC, TABLE_PREFIX, type DumpHeader } from "./format";

async function* readLines(file: string): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  createReadStream(file)
    .on("error", (err) => gunzip.destroy(err))
    .pipe(gunzip);
  // The unfinished line's pieces, joined once its end arrives: a 20 MB file in a bytea column is one 40 MB
  // line, and joining the pieces at every 16 kB chunk would copy it over and over (minutes instead of a second).
  let pending: Buffer[] = [];
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      let start = 0;
      for (let i = chunk.indexOf(10, start); i !== -1; i = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, i);
        yield pending.length ? Buffer.concat([...pending, piece]) : piece;
        pending = [];
        start = i + 1;
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new BackupError(`no such file: ${file}`);
    throw new BackupError(`${file} is corrupt or truncated (${(err as Error).message}); nothing was restored`);
  } finally {
    gunzip.destroy();
  }
  if (pending.length) yield Buffer.concat(pending);
}

function parseHeader(file: string, magic: Buffer | undefined, json: Buffer | undefined): DumpHeader {
  if (magic?.toString("utf8") !== `${MAGIC} ${FORMAT_VERSION}`) {
    throw new BackupError(`${file} is not a tracker dump of format ${FORMAT_VERSION} (made by npm run db:backup)`);
  }
  try {
    const header = JSON.parse(json!.toString("utf8")) as DumpHeader;
    if (
      header.format !== MAGIC ||
      !Array.isArray(header.tables) ||
      !Array.isArray(header.migrations) ||
      !Array.isArray(header.sequences)
    ) {
      throw new Error("fields missing");
    }
    return header;
  } catch (err) {
    throw new BackupError(`${file} has an unreadable header (${(err as Error).message}); it is corrupt`);
  }
}

export async function readHeader(file: string): Promise<DumpHeader> {
  const lines = readLines(file);
  try {
    const magic = (await lines.next()).value as Buffer | undefined;
    const json = (await lines.next()).value as Buffer | undefined;
    return parseHeader(file, magic, json);
  } finally {
    await lines.return(undefined);
  }
}

/**
 * Streams each table's rows to the COPY stream `open(table)` returns (null skips the table). Rows are sent in
 * batches of about 256 kB. Refuses a file whose tables differ from its header or that ends before END.
 */
export async function streamTables(file: string, open: (table: string) => Writable | null): Promise<void> {
  const lines = readLines(file);
  const header = parseHeader(
    file,
    (await lines.next()).value as Buffer | undefined,
    (await lines.next()).value as Buffer | undefined,
  );
  let index = 0;
  let target: Writable | null = null;
  let inTable: string | null = null;
  let batch: Buffer[] = [];
  let size = 0;
  const flush = async () => {
    if (target && batch.length) {
      if (!target.write(Buffer.concat(batch))) await once(target, "drain");
    }
    batch = [];
    size = 0;
  };
  try {
    for await (const line of lines) {
      if (inTable === null) {
        const text = line.toString("utf8");
        if (text === END_OF_DUMP) {
          if (index !== header.tables.length)
            throw new BackupError(`${file} ends after ${index} of ${header.tables.length} tables; it is corrupt`);
          return;
        }
        const expected = header.tables[index]?.name;
        if (text !== `${TABLE_PREFIX}${expected}`)
          throw new BackupError(
            `${file} is corrupt: expected the rows of ${expected ?? "no more tables"}, found "${text.slice(0, 60)}"`,
          );
        inTable = expected!;
        target = open(inTable);
        continue;
      }
      if (line.length === END_OF_TABLE.length && line.toString("latin1") === END_OF_TABLE) {
        await flush();
        if (target) {
          const done = once(target, "finish");
          target.end();
          await done;
        }
        target = null;
        inTable = null;
        index++;
        continue;
      }
      batch.push(line, NEWLINE);
      size += line.length + 1;
      if (size >= 256 * 1024) await flush();
    }
    throw new BackupError(`${file} is truncated (it ends inside ${inTable ?? "the table list"}); nothing was restored`);
  } catch (err) {
    // Abort an unfinished COPY (pg-copy-streams sends CopyFail) so the connection can roll back.
    if (target && !target.destroyed) {
      target.on("error", () => undefined); // the error is the one rethrown below
      target.destroy(err as Error);
    }
    throw err;
  } finally {
    await lines.return(undefined);
  }
}

const NEWLINE = Buffer.from("\n");
