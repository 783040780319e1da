// What "the database holds complete transactions only, and history agrees with item state" means, checked on
// the whole database after a crash and restart:
//  - every item's versions in item_history run 1..n without a gap, and n is the item's version;
//  - every item's row (with its links and milestones, as lib/writes/snapshot.ts reads it) equals the snapshot
//    of its highest history version;
//  - every approved report (progress update) has its PROGRESS_UPDATE or CLOSE_OUT history row (same item, the
//    instant of its approval: they are written in one transaction by lib/writes/progress-update.ts), and every
//    such history row has its approved report; drafts, submitted, returned and withdrawn reports have none.
import { isDeepStrictEqual } from "node:util";
import { readSnapshot } from "../../../lib/writes/snapshot";
import { createPrismaClient, Prisma } from "../../../lib/prisma-client";

export interface IntegrityReport {
  items: number;
  historyRows: number;
  progressUpdates: number;
  /** one line per broken rule; empty when the database is consistent */
  problems: string[];
}

export async function checkIntegrity(url: string): Promise<IntegrityReport> {
  const db = createPrismaClient(url, { max: 2 });
  try {
    // One consistent view of every table (the app may be serving meanwhile).
    return await db.$transaction(
      async (tx) => {
        const problems: string[] = [];
        const versions = await tx.$queryRaw<
          { id: number; code: string; version: number; n: bigint; lo: number | null; hi: number | null }[]
        >`
          SELECT i.id, i.code, i.version, count(h.id) AS n, min(h.version) AS lo, max(h.version) AS hi
            FROM items i LEFT JOIN item_history h ON h.item_id = i.id
           GROUP BY i.id ORDER BY i.id`;
        for (const v of versions) {
          if (Number(v.n) !== v.version || v.lo !== 1 || v.hi !== v.version) {
            problems.push(`item ${v.code}: version ${v.version} but history versions ${v.lo}..${v.hi} (${v.n} rows)`);
          }
        }
        const latest = await tx.$queryRaw<{ item_id: number; version: number; snapshot: unknown }[]>`
          SELECT DISTINCT ON (item_id) item_id, version, snapshot FROM item_history ORDER BY item_id, version DESC`;
        const byItem = new Map(latest.map((h) => [h.item_id, h]));
        for (const v of versions) {
          const state = await readSnapshot(tx, v.id);
          const history = byItem.get(v.id);
          // JSON round trip: both sides as stored (no undefined, dates as ISO strings).
          if (!history || !isDeepStrictEqual(JSON.parse(JSON.stringify(state!.snapshot)), history.snapshot)) {
            problems.push(
              `item ${v.code}: the item's state differs from its history snapshot v${history?.version ?? "none"}`,
            );
          }
        }
        const [pairs] = await tx.$queryRaw<
          { history_only: bigint; update_only: bigint; updates: bigint; history: bigint }[]
        >`
          SELECT count(*) FILTER (WHERE pu.id IS NULL) AS history_only, count(*) FILTER (WHERE h.id IS NULL) AS update_only,
                 (SELECT count(*) FROM progress_updates) AS updates, (SELECT count(*) FROM item_history) AS history
            FROM (SELECT id, item_id, changed_at FROM item_history WHERE action IN ('PROGRESS_UPDATE', 'CLOSE_OUT')) h
            FULL JOIN (SELECT id, item_id, decided_at FROM progress_updates WHERE state = 'APPROVED') pu
                   ON pu.item_id = h.item_id AND pu.decided_at = h.changed_at`;
        if (Number(pairs!.history_only) > 0)
          problems.push(`${pairs!.history_only} report history rows without their approved report`);
        if (Number(pairs!.update_only) > 0)
          problems.push(`${pairs!.update_only} approved reports without their history row`);
        return {
          items: versions.length,
          historyRows: Number(pairs!.history),
          progressUpdates: Number(pairs!.updates),
          problems,
        };
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 120_000, maxWait: 30_000 },
    );
  } finally {
    await db.$disconnect();
  }
}
