-- 投资: an action item's 总投资 and, for a joint project, each side's share of it; per year its 计划投资 and
-- 完成投资; and the 本月完成投资 a unit reports with its progress report. Every amount is 万元 as NUMERIC(18,2):
-- exact to the cent of a 万元, up to 16 integer digits, never floating point.
--
-- The columns on items and the item_investment_years rows are part of the item's recorded state: they change
-- only through lib/writes/item-change.ts (changeItem), which writes the item_history row (its snapshot carries
-- them as decimal strings) in the same transaction, so "as of" a past day reads them from history.

ALTER TABLE "items" ADD COLUMN "total_investment" NUMERIC(18,2);
ALTER TABLE "items" ADD COLUMN "sichuan_share" NUMERIC(18,2);
ALTER TABLE "items" ADD COLUMN "chongqing_share" NUMERIC(18,2);

-- The two sides' shares of a joint project add up to its 总投资: both given or neither, and only with a total.
-- All three live on the item's row, so a row CHECK (not a deferred trigger) is enough: no statement can leave
-- the sum wrong even for a moment.
ALTER TABLE "items" ADD CONSTRAINT "items_investment_non_negative" CHECK (
  ("total_investment" IS NULL OR "total_investment" >= 0)
  AND ("sichuan_share" IS NULL OR "sichuan_share" >= 0)
  AND ("chongqing_share" IS NULL OR "chongqing_share" >= 0));
ALTER TABLE "items" ADD CONSTRAINT "items_investment_shares_add_up" CHECK (
  ("sichuan_share" IS NULL AND "chongqing_share" IS NULL)
  OR ("total_investment" IS NOT NULL AND "sichuan_share" IS NOT NULL AND "chongqing_share" IS NOT NULL
      AND "sichuan_share" + "chongqing_share" = "total_investment"));

-- 计划投资 and 完成投资 of one item in one calendar year.
CREATE TABLE "item_investment_years" (
    "item_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    -- 计划投资 (万元); null: no plan given for the year
    "planned" NUMERIC(18,2),
    -- 完成投资 (万元) so far in the year; approved reports' 本月完成投资 add to it
    "completed" NUMERIC(18,2),

    CONSTRAINT "item_investment_years_pkey" PRIMARY KEY ("item_id", "year"),
    CONSTRAINT "item_investment_years_year_range" CHECK ("year" BETWEEN 2000 AND 2100),
    CONSTRAINT "item_investment_years_non_negative" CHECK (
      ("planned" IS NULL OR "planned" >= 0) AND ("completed" IS NULL OR "completed" >= 0))
);
CREATE INDEX "item_investment_years_year_idx" ON "item_investment_years"("year");
ALTER TABLE "item_investment_years" ADD CONSTRAINT "item_investment_years_item_id_fkey"
  FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- 本月完成投资 of a report: counts toward its item's 完成投资 when (and only when) the report is approved.
ALTER TABLE "progress_updates" ADD COLUMN "month_investment" NUMERIC(18,2);
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_month_investment_non_negative"
  CHECK ("month_investment" IS NULL OR "month_investment" >= 0);

-- Pages show the figures: a change moves the data version (see lib/cache/).
CREATE CONSTRAINT TRIGGER "item_investment_years_bump_data_version" AFTER INSERT OR UPDATE OR DELETE ON "item_investment_years"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
