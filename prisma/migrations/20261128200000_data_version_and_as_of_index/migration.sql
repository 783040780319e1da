-- Performance at scale (issue 6).

-- 1. A data version for caches. Every app instance keeps dashboard aggregates in memory keyed by this
--    number and reads it (one row) on each request, so a write is seen on the next page load everywhere.
--    It moves in the writing transaction itself, at commit: a reader sees the new number exactly when it
--    can see the new data, never before (a sequence would move before commit and let a reader cache old
--    data under the new number).
CREATE TABLE "data_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    "last_xid" BIGINT,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_version_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "data_version_single_row" CHECK ("id" = 1)
);
INSERT INTO "data_version" ("id", "version") VALUES (1, 0);

-- Once per transaction however many rows it writes: later firings in the same transaction match no row.
-- Deferred to commit so the row lock is taken after all of the transaction's other locks: writers never
-- wait on each other here while holding an item row another writer needs (no deadlock).
CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_version"
     SET "version" = "version" + 1, "last_xid" = pg_current_xact_id()::text::bigint, "changed_at" = clock_timestamp()
   WHERE "id" = 1 AND "last_xid" IS DISTINCT FROM pg_current_xact_id()::text::bigint;
  RETURN NULL;
END;
$$;

DO $$
DECLARE t text;
BEGIN
  -- Everything the dashboard, lists and reports show. Not: sign_in_attempts, audit_log, app_settings.
  FOREACH t IN ARRAY ARRAY['datasets', 'units', 'users', 'pillars', 'goals', 'items', 'item_supporting_units',
                           'regions', 'item_regions', 'conferences', 'item_conferences', 'milestones',
                           'progress_updates', 'item_history']
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"()', t || '_bump_data_version', t);
  END LOOP;
END;
$$;

-- 2. As-of reconstruction looks up each item's latest history row before a moment with one index probe
--    (item, changed_at desc, version desc) instead of sorting all history before the moment.
DROP INDEX "item_history_item_id_changed_at_idx";
CREATE INDEX "item_history_item_id_changed_at_version_idx" ON "item_history"("item_id", "changed_at" DESC, "version" DESC);
