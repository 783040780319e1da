// A stand-in database client that records the SQL a query function builds and answers with no rows: the
// SQL is taken from the functions themselves, never copied (bench/explain.ts explains it at size;
// tests/integration/reference-version.test.ts checks which tables it reads).
import { Prisma } from "../../lib/generated/prisma/client";
import type { Db } from "../../lib/prisma-client";

/** Runs `call` against the recorder; returns every statement it sent, in order (one function may send several). */
export async function recordSql(call: (d: Db) => Promise<unknown>): Promise<Prisma.Sql[]> {
  const seen: Prisma.Sql[] = [];
  const recorder = {
    $queryRaw: async (sql: Prisma.Sql | TemplateStringsArray, ...values: unknown[]) => {
      seen.push(Array.isArray(sql) ? Prisma.sql(sql as TemplateStringsArray, ...values) : (sql as Prisma.Sql));
      return [];
    },
  } as unknown as Db;
  // post-processing of the empty answer may fail; the SQL was recorded before that
  await call(recorder).catch(() => undefined);
  return seen;
}
