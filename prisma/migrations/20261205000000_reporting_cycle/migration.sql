-- The reporting cycle (填报周期): coordinators, periods with their obligations, progress updates as reports
-- that are submitted and reviewed, the review trail, evidence files, and what a period freezes when it closes.

-- 1. Coordinators (督办员 of a 推进办, or of the 联合办公室): a role with a side. JOINT means both sides.
ALTER TYPE "role" ADD VALUE 'COORDINATOR';
ALTER TABLE "users" ADD COLUMN "coordinator_scope" "side";

-- Approving a 销号 report is recorded in item history as such.
ALTER TYPE "history_action" ADD VALUE 'CLOSE_OUT';

-- 2. Settings of the cycle: one row, typed (not key/value), changed by administrators.
CREATE TYPE "period_kind" AS ENUM ('MONTHLY', 'QUARTERLY', 'CUSTOM');

CREATE TABLE "cycle_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    -- off: a submitted report is approved at once (the same code path, decided by the system)
    "review_required" BOOLEAN NOT NULL DEFAULT true,
    -- how new periods are laid out; CUSTOM: only the periods an administrator creates
    "period_kind" "period_kind" NOT NULL DEFAULT 'MONTHLY',
    -- day of the period's last month by which reports are due (capped at the month's last day)
    "deadline_day" INTEGER NOT NULL DEFAULT 25,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" INTEGER,

    CONSTRAINT "cycle_settings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "cycle_settings_single_row" CHECK ("id" = 1),
    CONSTRAINT "cycle_settings_deadline_day_range" CHECK ("deadline_day" BETWEEN 1 AND 31)
);
INSERT INTO "cycle_settings" ("id") VALUES (1);

-- 3. Periods. opened_at is set when the obligations are fixed; closed_at when the period is frozen.
CREATE TABLE "reporting_periods" (
    "id" SERIAL NOT NULL,
    "kind" "period_kind" NOT NULL,
    "label" TEXT NOT NULL,
    "label_en" TEXT NOT NULL,
    "opens_on" DATE NOT NULL,
    "deadline" DATE NOT NULL,
    "closes_on" DATE NOT NULL,
    "opened_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_id" INTEGER,
    "is_sample" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reporting_periods_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "reporting_periods_dates_ordered" CHECK ("opens_on" <= "deadline" AND "deadline" <= "closes_on"),
    CONSTRAINT "reporting_periods_closed_after_open" CHECK ("closed_at" IS NULL OR "opened_at" IS NOT NULL)
);
CREATE UNIQUE INDEX "reporting_periods_opens_on_key" ON "reporting_periods"("opens_on");
CREATE INDEX "reporting_periods_closes_on_idx" ON "reporting_periods"("closes_on");
ALTER TABLE "reporting_periods" ADD CONSTRAINT "reporting_periods_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- 4. Obligations: fixed when a period opens (one per active action item and lead unit; a joint item owes one
--    from each side's lead unit). outcome and report_id are written once, when the period closes.
CREATE TYPE "obligation_outcome" AS ENUM ('ON_TIME', 'LATE', 'MISSING', 'RETURNED');

CREATE TABLE "period_obligations" (
    "id" SERIAL NOT NULL,
    "period_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "side" "side" NOT NULL,
    "outcome" "obligation_outcome",
    "report_id" INTEGER,

    CONSTRAINT "period_obligations_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "period_obligations_period_id_item_id_unit_id_key" ON "period_obligations"("period_id", "item_id", "unit_id");
CREATE INDEX "period_obligations_unit_id_idx" ON "period_obligations"("unit_id");
CREATE INDEX "period_obligations_item_id_idx" ON "period_obligations"("item_id");
ALTER TABLE "period_obligations" ADD CONSTRAINT "period_obligations_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "period_obligations" ADD CONSTRAINT "period_obligations_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "period_obligations" ADD CONSTRAINT "period_obligations_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- 5. A progress update is a report: draft → submitted → approved, or returned → revised → submitted again.
--    Updates posted before the cycle existed are approved reports of no period. The item follows its latest
--    APPROVED report. revision moves on every change of the report, so two deciders cannot both win.
CREATE TYPE "report_state" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'WITHDRAWN');

ALTER TABLE "progress_updates"
    ADD COLUMN "period_id" INTEGER,
    ADD COLUMN "state" "report_state" NOT NULL DEFAULT 'APPROVED',
    ADD COLUMN "revision" INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN "submitted_at" TIMESTAMPTZ(3),
    ADD COLUMN "decided_at" TIMESTAMPTZ(3),
    ADD COLUMN "reviewer_id" INTEGER,
    ADD COLUMN "review_comment" TEXT,
    ADD COLUMN "doc_number" TEXT,
    ADD COLUMN "late" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "closes_item" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "progress_updates" SET "submitted_at" = "created_at", "decided_at" = "created_at";
CREATE INDEX "progress_updates_period_id_state_idx" ON "progress_updates"("period_id", "state");
CREATE INDEX "progress_updates_state_submitted_at_idx" ON "progress_updates"("state", "submitted_at");
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "period_obligations" ADD CONSTRAINT "period_obligations_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "progress_updates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- 6. The review trail: append-only, like item_history. CLOSE_OUT is an approval that is a 销号.
CREATE TYPE "report_action" AS ENUM ('SAVE', 'SUBMIT', 'WITHDRAW', 'RETURN', 'APPROVE', 'CLOSE_OUT');

CREATE TABLE "report_events" (
    "id" BIGSERIAL NOT NULL,
    "report_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    "period_id" INTEGER,
    "actor_id" INTEGER,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" "report_action" NOT NULL,
    "comment" TEXT,
    "is_sample" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "report_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "report_events_report_id_idx" ON "report_events"("report_id");
CREATE INDEX "report_events_item_id_at_idx" ON "report_events"("item_id", "at");
CREATE INDEX "report_events_period_id_idx" ON "report_events"("period_id");
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "progress_updates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE TRIGGER "report_events_append_only" BEFORE UPDATE OR DELETE ON "report_events"
  FOR EACH ROW EXECUTE FUNCTION "item_history_append_only"();
CREATE TRIGGER "report_events_no_truncate" BEFORE TRUNCATE ON "report_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "item_history_append_only"();

-- 7. Evidence (佐证材料): the bytes live here, so backups and every app instance carry them.
CREATE TABLE "attachments" (
    "id" SERIAL NOT NULL,
    "report_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "uploaded_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "attachments_size_matches" CHECK ("size" = octet_length("content") AND "size" > 0)
);
CREATE INDEX "attachments_report_id_idx" ON "attachments"("report_id");
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "progress_updates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- 8. What a closed period froze: each item's approved state at the close, and the 情况通报 files.
CREATE TABLE "period_item_states" (
    "period_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    "history_version" INTEGER NOT NULL,
    "status" "item_status" NOT NULL,
    "progress" INTEGER,
    "confidence" "confidence",
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "period_item_states_pkey" PRIMARY KEY ("period_id", "item_id")
);
ALTER TABLE "period_item_states" ADD CONSTRAINT "period_item_states_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "period_item_states" ADD CONSTRAINT "period_item_states_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "period_files" (
    "period_id" INTEGER NOT NULL,
    -- 'docx' or 'pdf'
    "format" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "period_files_pkey" PRIMARY KEY ("period_id", "format")
);
ALTER TABLE "period_files" ADD CONSTRAINT "period_files_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "users" ADD CONSTRAINT "users_coordinator_scope_valid" CHECK ("coordinator_scope" IS NULL OR "coordinator_scope" IN ('SICHUAN', 'CHONGQING', 'JOINT'));

-- 9. A closed period never changes: its row, its obligations, its frozen states and files refuse UPDATE and
--    DELETE (and new rows) once closed_at is set. The close itself writes them before setting closed_at.
CREATE FUNCTION "closed_period_is_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE pid INTEGER;
BEGIN
  IF TG_TABLE_NAME = 'reporting_periods' THEN
    IF OLD."closed_at" IS NOT NULL THEN
      RAISE EXCEPTION 'reporting period % is closed (% refused)', OLD."id", TG_OP USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  pid := CASE WHEN TG_OP = 'INSERT' THEN NEW."period_id" ELSE OLD."period_id" END;
  IF EXISTS (SELECT 1 FROM "reporting_periods" p WHERE p."id" = pid AND p."closed_at" IS NOT NULL) THEN
    RAISE EXCEPTION '% of closed reporting period % cannot change (% refused)', TG_TABLE_NAME, pid, TG_OP
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER "reporting_periods_frozen" BEFORE UPDATE OR DELETE ON "reporting_periods"
  FOR EACH ROW EXECUTE FUNCTION "closed_period_is_frozen"();
CREATE TRIGGER "period_obligations_frozen" BEFORE INSERT OR UPDATE OR DELETE ON "period_obligations"
  FOR EACH ROW EXECUTE FUNCTION "closed_period_is_frozen"();
CREATE TRIGGER "period_item_states_frozen" BEFORE INSERT OR UPDATE OR DELETE ON "period_item_states"
  FOR EACH ROW EXECUTE FUNCTION "closed_period_is_frozen"();
CREATE TRIGGER "period_files_frozen" BEFORE INSERT OR UPDATE OR DELETE ON "period_files"
  FOR EACH ROW EXECUTE FUNCTION "closed_period_is_frozen"();
CREATE TRIGGER "reporting_periods_no_truncate" BEFORE TRUNCATE ON "reporting_periods"
  FOR EACH STATEMENT EXECUTE FUNCTION "item_history_append_only"();

-- 10. The dashboard, lists and reports show these too: their writes move the data version (see lib/cache/).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cycle_settings', 'reporting_periods', 'period_obligations', 'report_events',
                           'attachments', 'period_item_states', 'period_files']
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"()', t || '_bump_data_version', t);
  END LOOP;
END;
$$;
