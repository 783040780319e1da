// A kept page (scripts/page-cache/) is served again only while the versions it was rendered at hold. That is
// right only if every table a kept page shows moves one of them when it changes: the data version (what the
// dashboard, lists and reports show) or the page version (what pages show beside the data: the bell, whether a
// sign-in has ended). This file fails for a table that moves neither and is not listed here with its reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { versionReader } from "../../scripts/page-cache/versions";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

/** Tables no kept page (dashboard, list, item, pillar page and their header) shows, and why. */
const SHOWN_ON_NO_KEPT_PAGE: Record<string, string> = {
  _prisma_migrations: "the schema's own record",
  data_version: "the counters themselves",
  sign_in_attempts: "sign-in throttling; shown nowhere",
  audit_log: "the admin's audit pages only",
  email_outbox: "mail waiting to be sent; the operations page only",
  backup_runs: "the backup panel only",
  api_rate_limits: "the open API's counters",
  api_idempotency: "the open API's replays",
  webhook_deliveries: "the webhook admin page only",
  webhook_delivery_attempts: "the webhook admin page only",
  webhooks: "the webhook admin page only; a delivery updates its row",
  api_tokens: "the account's token page only; every API call updates its last use",
  supervision_numbers: "the 督办 number counter, written with the supervision itself",
};

describe("page version", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ sample: true });
  });
  afterAll(async () => t.drop());

  it("is moved, or the data version is, by every table a kept page may show", async () => {
    const rows = await t.db.$queryRaw<{ table: string; bumps: string[] }[]>`
      SELECT c.relname AS table,
             coalesce(array_agg(p.proname::text) FILTER (WHERE p.proname IS NOT NULL), '{}') AS bumps
        FROM pg_class c
        LEFT JOIN pg_trigger tg ON tg.tgrelid = c.oid AND NOT tg.tgisinternal
        LEFT JOIN pg_proc p ON p.oid = tg.tgfoid AND p.proname IN ('bump_data_version', 'bump_page_version')
       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
       GROUP BY c.relname ORDER BY c.relname`;
    expect(rows.length).toBeGreaterThan(40);
    const uncovered = rows
      .filter((r) => r.bumps.length === 0 && !(r.table in SHOWN_ON_NO_KEPT_PAGE))
      .map((r) => r.table);
    expect(uncovered).toEqual([]);
    // The list names no table that does not exist (a rename would otherwise leave it silently wrong).
    const names = new Set(rows.map((r) => r.table));
    expect(Object.keys(SHOWN_ON_NO_KEPT_PAGE).filter((n) => !names.has(n))).toEqual([]);
  });

  it("moves once per transaction on a notification or an ended sign-in, and leaves the data version alone", async () => {
    const reader = versionReader(t.url);
    try {
      const [user] = await t.db.user.findMany({ take: 1, orderBy: { id: "asc" } });
      const before = await t.db.dataVersion.findUniqueOrThrow({ where: { id: 1 } });
      const seenBefore = await reader.read();
      await t.db.$transaction(async (tx) => {
        await tx.notification.create({
          data: { userId: user!.id, kind: "REPORT_DUE", key: "pv-1", link: "/", createdAt: new Date() },
        });
        await tx.notification.create({
          data: { userId: user!.id, kind: "REPORT_DUE", key: "pv-2", link: "/", createdAt: new Date() },
        });
      });
      const afterNotes = await t.db.dataVersion.findUniqueOrThrow({ where: { id: 1 } });
      expect(afterNotes.pageVersion).toBe(before.pageVersion + 1n);
      expect(afterNotes.version).toBe(before.version);
      const seenAfterNotes = await reader.read();
      expect(seenAfterNotes).not.toBe(seenBefore);

      await t.db.endedSession.create({
        data: { sessionId: "0b5c1a52-1111-4c3e-9d7e-2a1f00000001", userId: user!.id, expiresAt: new Date() },
      });
      const afterEnd = await t.db.dataVersion.findUniqueOrThrow({ where: { id: 1 } });
      expect(afterEnd.pageVersion).toBe(before.pageVersion + 2n);
      expect(await reader.read()).not.toBe(seenAfterNotes);

      // and a data write moves what the cache reads too
      const seen = await reader.read();
      await t.db.$executeRaw`UPDATE units SET short_name = short_name WHERE id = (SELECT min(id) FROM units)`;
      expect(await reader.read()).not.toBe(seen);
    } finally {
      await reader.close();
    }
  });
});
