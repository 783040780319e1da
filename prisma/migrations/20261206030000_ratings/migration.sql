-- 考评: the weights of a unit's rating per closed period, set by administrators (lib/rating.ts has the formula).
-- Each change is a new row, never an update: a closed period is rated with the weights in force at its close
-- (the latest row set at or before its closed_at), so a change of weights rates the periods closed after it
-- and never moves a past rating. The first row (set at the epoch) holds the defaults.
CREATE TABLE "rating_weights" (
    "id" SERIAL NOT NULL,
    -- 按时报送率: the period's obligations answered on time
    "on_time" INTEGER NOT NULL,
    -- 一次通过率: reports approved without having been returned
    "first_pass" INTEGER NOT NULL,
    -- 逾期事项: 1 − the share of the unit's items overdue at the close
    "overdue" INTEGER NOT NULL,
    -- 督办按时反馈率: 督办 received in the period answered by their reply-by date
    "supervision" INTEGER NOT NULL,
    "set_at" TIMESTAMPTZ(3) NOT NULL,
    "set_by_id" INTEGER,

    CONSTRAINT "rating_weights_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "rating_weights_ranges" CHECK (
        "on_time" BETWEEN 0 AND 100 AND "first_pass" BETWEEN 0 AND 100 AND "overdue" BETWEEN 0 AND 100
        AND "supervision" BETWEEN 0 AND 100 AND "on_time" + "first_pass" + "overdue" + "supervision" > 0)
);
CREATE INDEX "rating_weights_set_at_idx" ON "rating_weights"("set_at" DESC);
INSERT INTO "rating_weights" ("on_time", "first_pass", "overdue", "supervision", "set_at")
VALUES (40, 30, 20, 10, TIMESTAMPTZ '1970-01-01 00:00:00+00');

-- A row is never changed (UPDATE refused). DELETE is not guarded: a restore replaces the row this migration
-- inserts with the dump's rows (scripts/db/backup/restore.ts); the app never deletes one.
CREATE TRIGGER "rating_weights_append_only" BEFORE UPDATE ON "rating_weights"
  FOR EACH ROW EXECUTE FUNCTION "item_history_append_only"();

-- The rating reads a unit's 督办 by the day they were issued.
CREATE INDEX "supervisions_unit_id_issued_on_idx" ON "supervisions"("unit_id", "issued_on");

-- Pages show the weights: a change moves the data version (see lib/cache/).
CREATE CONSTRAINT TRIGGER "rating_weights_bump_data_version" AFTER INSERT OR UPDATE OR DELETE ON "rating_weights"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
