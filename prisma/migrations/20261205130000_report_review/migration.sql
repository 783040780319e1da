-- Review of reports: a report counts from its approval, so the dashboard's and the status report's recent
-- updates read approved reports by the time they were decided.
CREATE INDEX "progress_updates_state_decided_at_idx" ON "progress_updates"("state", "decided_at" DESC);
