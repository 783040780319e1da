-- Performance at scale (issue 6), continued.

-- 1. The as-of probe index carries the state columns that roll-ups and counts read, so reconstructing the
--    portfolio at a moment (and at the 53 moments of the trend) is index-only: it never touches the history
--    rows' large snapshot column. (INCLUDE columns are beyond schema.prisma's index syntax; the key columns
--    there match.)
DROP INDEX "item_history_item_id_changed_at_version_idx";
CREATE INDEX "item_history_item_id_changed_at_version_idx" ON "item_history"("item_id", "changed_at" DESC, "version" DESC)
  INCLUDE ("parent_id", "pillar_id", "status", "confidence", "progress", "weight", "due_date", "retired", "last_update_at");

-- 2. A history epoch for caches of the past. History is append-only and stamped with the time of the write,
--    so the portfolio as of a moment already past never changes — except when rows are written with an
--    earlier time (loading sample data). Such a write moves the epoch, and caches of past moments are keyed
--    by it instead of by the data version, which every ordinary write moves.
ALTER TABLE "data_version" ADD COLUMN "history_epoch" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "data_version" ADD COLUMN "epoch_xid" BIGINT;

CREATE FUNCTION "bump_history_epoch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_version"
     SET "history_epoch" = "history_epoch" + 1, "epoch_xid" = pg_current_xact_id()::text::bigint
   WHERE "id" = 1 AND "epoch_xid" IS DISTINCT FROM pg_current_xact_id()::text::bigint;
  RETURN NULL;
END;
$$;

-- Ten minutes of slack: an app server's clock may run a little behind the database's.
CREATE CONSTRAINT TRIGGER "item_history_backdated" AFTER INSERT ON "item_history"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."changed_at" < now() - interval '10 minutes')
  EXECUTE FUNCTION "bump_history_epoch"();
