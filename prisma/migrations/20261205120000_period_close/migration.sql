-- The close of a period also freezes the state of the report that answered each obligation (submitted,
-- approved or returned at that moment): a report approved after the close does not change the period's
-- "approved" figure, which the frozen 情况通报 states.
ALTER TABLE "period_obligations" ADD COLUMN "report_state" "report_state";

-- The period pages list a period's obligations by outcome and its review decisions.
CREATE INDEX "period_obligations_period_id_outcome_idx" ON "period_obligations"("period_id", "outcome");

-- An obligation's answering report is looked up by (period, item, unit), once per obligation, live while the
-- period is open and once more at its close (lib/queries/periods.ts liveObligationsSql).
CREATE INDEX "progress_updates_period_id_item_id_unit_id_idx" ON "progress_updates"("period_id", "item_id", "unit_id");
