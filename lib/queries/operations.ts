// What /api/ready asks of PostgreSQL: the migrations applied to this database (Prisma's bookkeeping table,
// written by scripts/db/migrate.ts). A failed or rolled-back migration does not count.
import type { Db } from "../prisma-client";

export async function queryAppliedMigrations(client: Pick<Db, "$queryRaw">): Promise<Set<string>> {
  const rows = await client.$queryRaw<{ name: string }[]>`
    SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return new Set(rows.map((r) => r.name));
}
