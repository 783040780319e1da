-- 指标: an action item's quantitative indicators (name, unit such as 公里 / 个 / 亿元 / %, baseline, target and
-- target year, whether higher or lower is better, 关键指标 for the dashboard) and the actual values reported for
-- them. Every figure is NUMERIC(18,4): exact, up to 14 integer digits and 4 decimals, never floating point; a
-- figure may be negative (a growth rate can fall below zero).
--
-- An indicator's definition is part of its item's recorded state: it changes only through lib/writes/indicators.ts,
-- which goes through changeItem (lib/writes/item-change.ts), so the item's version moves and its item_history row
-- (snapshot field "indicators") is written in the same transaction. A removed indicator is kept (removed_at) so
-- the values reported for it still read "as of" a day when it existed.

CREATE TYPE "indicator_direction" AS ENUM ('HIGHER', 'LOWER');

CREATE TABLE "indicators" (
    "id" SERIAL NOT NULL,
    "item_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    -- the unit the figures are in: 公里, 个, 亿元, %, …
    "unit" TEXT NOT NULL,
    "baseline" NUMERIC(18,4) NOT NULL,
    "target" NUMERIC(18,4) NOT NULL,
    "target_year" INTEGER NOT NULL,
    "direction" "indicator_direction" NOT NULL,
    -- 关键指标: shown on the dashboard (set by administrators)
    "headline" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "removed_at" TIMESTAMPTZ(3),
    -- optimistic locking of the definition's form: every change of the row increments it
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "indicators_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "indicators_target_year_range" CHECK ("target_year" BETWEEN 2000 AND 2100),
    CONSTRAINT "indicators_name_length" CHECK (char_length(btrim("name")) BETWEEN 1 AND 100),
    CONSTRAINT "indicators_unit_length" CHECK (char_length(btrim("unit")) BETWEEN 1 AND 20),
    -- The target lies on the better side of the baseline, so 完成度 (baseline → target) is always defined.
    CONSTRAINT "indicators_target_direction" CHECK (
      ("direction" = 'HIGHER' AND "target" > "baseline") OR ("direction" = 'LOWER' AND "target" < "baseline")),
    CONSTRAINT "indicators_version_positive" CHECK ("version" > 0)
);
CREATE INDEX "indicators_item_id_idx" ON "indicators"("item_id");
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_item_id_fkey"
  FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An actual value of an indicator as at a day (observed_on), reported at a moment. Append-only: a correction is
-- a new row, and the latest report for a day wins, so "as of" a past moment reads the rows reported before it.
CREATE TABLE "indicator_values" (
    "id" SERIAL NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    -- the reporting period the day falls in, when there is one
    "period_id" INTEGER,
    "observed_on" DATE NOT NULL,
    "actual" NUMERIC(18,4) NOT NULL,
    "reported_at" TIMESTAMPTZ(3) NOT NULL,
    "reported_by_id" INTEGER,

    CONSTRAINT "indicator_values_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "indicator_values_indicator_id_observed_on_idx" ON "indicator_values"("indicator_id", "observed_on");
CREATE INDEX "indicator_values_period_id_idx" ON "indicator_values"("period_id");
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_fkey"
  FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_period_id_fkey"
  FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_reported_by_id_fkey"
  FOREIGN KEY ("reported_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What was reported stays reported (the shared append-only guard of item_history and audit_log).
CREATE TRIGGER "indicator_values_no_update" BEFORE UPDATE OR DELETE ON "indicator_values"
  FOR EACH ROW EXECUTE FUNCTION "item_history_append_only"();
CREATE TRIGGER "indicator_values_no_truncate" BEFORE TRUNCATE ON "indicator_values"
  FOR EACH STATEMENT EXECUTE FUNCTION "item_history_append_only"();

-- Pages show the figures: a change moves the data version (see lib/cache/).
CREATE CONSTRAINT TRIGGER "indicators_bump_data_version" AFTER INSERT OR UPDATE OR DELETE ON "indicators"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE CONSTRAINT TRIGGER "indicator_values_bump_data_version" AFTER INSERT OR UPDATE OR DELETE ON "indicator_values"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
