// The dump file: one gzip stream holding, line by line,
//   CHENGYU-TRACKER-DUMP 1            magic and format version
//   {json header}                     what the dump holds (see DumpHeader), on one line
//   TABLE <name>                      then that table's rows in COPY text format (one row per line)
//   \.                                end of the table's rows
//   … every table, parents before children …
//   END                               the dump is complete (a truncated file lacks it)
// COPY's text format escapes backslash, newline and carriage return inside values, so a data line never
// equals "\." and never contains a raw line break: the file can be read line by line.
export const MAGIC = "CHENGYU-TRACKER-DUMP";
export const FORMAT_VERSION = 1;
export const TABLE_PREFIX = "TABLE ";
export const END_OF_TABLE = "\\.";
export const END_OF_DUMP = "END";

export interface DumpTable {
  name: string;
  /** columns in the order the COPY data holds them */
  columns: string[];
  rows: number;
  /** md5 over the sorted md5 of every row's text (see tableChecksumSql) */
  checksum: string;
}

export interface DumpSequence {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export interface DumpHeader {
  format: typeof MAGIC;
  version: typeof FORMAT_VERSION;
  createdAt: string;
  serverVersion: string;
  /** applied migrations (from _prisma_migrations), oldest first */
  migrations: { name: string; checksum: string }[];
  /** in restore order: a table comes after every table it references */
  tables: DumpTable[];
  sequences: DumpSequence[];
}

/** A backup or restore refused for a reason a person can act on; the CLIs print its message on one line. */
export class BackupError extends Error {
  override name = "BackupError";
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Session settings that fix how values print, so the COPY text and the checksums are the same on the source
 * and the restored database whatever the servers' defaults are.
 */
export const SESSION_SETTINGS = [
  "SET TimeZone = 'UTC'",
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  "SET extra_float_digits = 1",
  "SET bytea_output = 'hex'",
  "SET client_encoding = 'UTF8'",
];
