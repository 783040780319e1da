-- The chase (催办/督办): the working-day calendar's administrator entries, the chase's settings, each unit's
-- contact person (联络人), the record of every reminder, 催办, 督办 and escalation, and the numbered 督办通知单
-- with the unit's 签收 and 办理反馈 and its Word and PDF files.

-- 1. Administrator entries of China's working-day calendar (lib/workdays.ts): a year the installed
--    `chinese-days` package does not carry yet, or a correction. An entry wins over the package.
CREATE TABLE "calendar_days" (
    "day" DATE NOT NULL,
    "workday" BOOLEAN NOT NULL,
    -- the holiday's or make-up day's name, e.g. 国庆节 / 国庆节调休
    "name" TEXT,
    "updated_by_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_days_pkey" PRIMARY KEY ("day")
);
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- 2. The chase's rules: one typed row, changed by administrators (like cycle_settings).
CREATE TABLE "chase_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    -- 临近提醒: this many working days before a period's deadline
    "reminder_workdays" INTEGER NOT NULL DEFAULT 3,
    -- 督办: this many working days after a period's deadline
    "supervise_workdays" INTEGER NOT NULL DEFAULT 5,
    -- 督办 also when an item is overdue by more than this many (calendar) days
    "overdue_days" INTEGER NOT NULL DEFAULT 30,
    -- 签收 within this many working days of the 督办
    "acknowledge_workdays" INTEGER NOT NULL DEFAULT 2,
    -- 办理反馈 (the answer) within this many working days of the 督办: its reply-by date
    "answer_workdays" INTEGER NOT NULL DEFAULT 5,
    -- escalate (once) a 督办 not acknowledged or not answered in time
    "escalate" BOOLEAN NOT NULL DEFAULT true,
    -- the notice number's prefix: 川渝督〔2026〕12号
    "notice_prefix" TEXT NOT NULL DEFAULT '川渝督',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" INTEGER,

    CONSTRAINT "chase_settings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "chase_settings_single_row" CHECK ("id" = 1),
    CONSTRAINT "chase_settings_ranges" CHECK (
        "reminder_workdays" BETWEEN 1 AND 20 AND "supervise_workdays" BETWEEN 1 AND 30
        AND "overdue_days" BETWEEN 1 AND 365 AND "acknowledge_workdays" BETWEEN 1 AND 20
        AND "answer_workdays" BETWEEN 1 AND 60 AND length("notice_prefix") BETWEEN 1 AND 10)
);
INSERT INTO "chase_settings" ("id") VALUES (1);

-- 3. 联络人: the unit's contact person is an account of that unit, so the chase reaches them in the app (and by
--    e-mail) through the same notifications as everyone else.
ALTER TABLE "units" ADD COLUMN "contact_user_id" INTEGER;
ALTER TABLE "units" ADD CONSTRAINT "units_contact_user_id_fkey" FOREIGN KEY ("contact_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- 4. 督办通知单: numbered per year (川渝督〔2026〕12号) from a counter row per year, taken in the issuing transaction
--    (a rollback gives the number back: no gaps; the row lock and the unique index: no duplicates).
CREATE TYPE "supervision_reason" AS ENUM ('PERIOD_MISSING', 'ITEM_OVERDUE');
CREATE TYPE "supervision_escalation" AS ENUM ('UNACKNOWLEDGED', 'UNANSWERED');

CREATE TABLE "supervision_numbers" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "supervision_numbers_pkey" PRIMARY KEY ("year"),
    CONSTRAINT "supervision_numbers_positive" CHECK ("last" > 0)
);

CREATE TABLE "supervisions" (
    "id" SERIAL NOT NULL,
    -- the rule that issued it (e.g. supervise:period:12:unit:5): each is issued once
    "key" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "prefix" TEXT NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "period_id" INTEGER,
    "reason" "supervision_reason" NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "issued_on" DATE NOT NULL,
    -- 签收 due by the end of this day, the answer (办理反馈) by the end of reply_by
    "acknowledge_by" DATE NOT NULL,
    "reply_by" DATE NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" INTEGER,
    "answered_at" TIMESTAMPTZ(3),
    "answered_by_id" INTEGER,
    "answer" TEXT,
    "escalated_at" TIMESTAMPTZ(3),
    "escalation" "supervision_escalation",
    "is_sample" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "supervisions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "supervisions_dates_ordered" CHECK ("issued_on" <= "acknowledge_by" AND "issued_on" <= "reply_by"),
    CONSTRAINT "supervisions_answer_complete" CHECK (("answered_at" IS NULL) = ("answer" IS NULL)),
    CONSTRAINT "supervisions_answered_after_acknowledged" CHECK ("answered_at" IS NULL OR "acknowledged_at" IS NOT NULL),
    CONSTRAINT "supervisions_escalation_complete" CHECK (("escalated_at" IS NULL) = ("escalation" IS NULL)),
    CONSTRAINT "supervisions_period_reason" CHECK (("reason" = 'PERIOD_MISSING') = ("period_id" IS NOT NULL))
);
CREATE UNIQUE INDEX "supervisions_key_key" ON "supervisions"("key");
CREATE UNIQUE INDEX "supervisions_year_number_key" ON "supervisions"("year", "number");
CREATE INDEX "supervisions_unit_id_idx" ON "supervisions"("unit_id");
CREATE INDEX "supervisions_issued_at_idx" ON "supervisions"("issued_at" DESC);
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_acknowledged_by_id_fkey" FOREIGN KEY ("acknowledged_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_answered_by_id_fkey" FOREIGN KEY ("answered_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The items a 督办 concerns: a period's missing reports, or items overdue (with the due date then, and by how much).
CREATE TABLE "supervision_items" (
    "supervision_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    "due_date" DATE,
    "days_overdue" INTEGER,

    CONSTRAINT "supervision_items_pkey" PRIMARY KEY ("supervision_id", "item_id")
);
CREATE INDEX "supervision_items_item_id_idx" ON "supervision_items"("item_id");
ALTER TABLE "supervision_items" ADD CONSTRAINT "supervision_items_supervision_id_fkey" FOREIGN KEY ("supervision_id") REFERENCES "supervisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "supervision_items" ADD CONSTRAINT "supervision_items_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The notice as Word and PDF, rendered once after it is issued and downloaded byte-identical ever after.
CREATE TABLE "supervision_files" (
    "supervision_id" INTEGER NOT NULL,
    -- 'docx' or 'pdf'
    "format" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "supervision_files_pkey" PRIMARY KEY ("supervision_id", "format")
);
ALTER TABLE "supervision_files" ADD CONSTRAINT "supervision_files_supervision_id_fkey" FOREIGN KEY ("supervision_id") REFERENCES "supervisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- 5. The chase record: every reminder, 催办, 督办 and escalation made, to which unit, about which period and
--    items, when, and to whom.
CREATE TYPE "chase_kind" AS ENUM ('REMINDER', 'URGE', 'SUPERVISION', 'ESCALATION');

CREATE TABLE "chase_events" (
    "id" SERIAL NOT NULL,
    -- unique: the same rule on the same thing is recorded (and told) once, however many runs or instances
    "key" TEXT NOT NULL,
    "kind" "chase_kind" NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "period_id" INTEGER,
    "supervision_id" INTEGER,
    -- the day the rule fell due (a run on a later working day catches up)
    "due_on" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "is_sample" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "chase_events_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "chase_events_key_key" ON "chase_events"("key");
CREATE INDEX "chase_events_unit_id_created_at_idx" ON "chase_events"("unit_id", "created_at");
CREATE INDEX "chase_events_period_id_idx" ON "chase_events"("period_id");
CREATE INDEX "chase_events_supervision_id_idx" ON "chase_events"("supervision_id");
ALTER TABLE "chase_events" ADD CONSTRAINT "chase_events_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "chase_events" ADD CONSTRAINT "chase_events_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "chase_events" ADD CONSTRAINT "chase_events_supervision_id_fkey" FOREIGN KEY ("supervision_id") REFERENCES "supervisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "chase_event_items" (
    "event_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,

    CONSTRAINT "chase_event_items_pkey" PRIMARY KEY ("event_id", "item_id")
);
CREATE INDEX "chase_event_items_item_id_idx" ON "chase_event_items"("item_id");
ALTER TABLE "chase_event_items" ADD CONSTRAINT "chase_event_items_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "chase_events"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "chase_event_items" ADD CONSTRAINT "chase_event_items_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- To whom: the people told (whether they read it is their notification row with the event's key).
CREATE TABLE "chase_event_recipients" (
    "event_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,

    CONSTRAINT "chase_event_recipients_pkey" PRIMARY KEY ("event_id", "user_id")
);
CREATE INDEX "chase_event_recipients_user_id_idx" ON "chase_event_recipients"("user_id");
ALTER TABLE "chase_event_recipients" ADD CONSTRAINT "chase_event_recipients_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "chase_events"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "chase_event_recipients" ADD CONSTRAINT "chase_event_recipients_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The record is append-only, like item_history; a 督办's files never change once written.
CREATE TRIGGER "chase_events_append_only" BEFORE UPDATE OR DELETE ON "chase_events"
  FOR EACH ROW EXECUTE FUNCTION "item_history_append_only"();
CREATE TRIGGER "chase_event_items_append_only" BEFORE UPDATE OR DELETE ON "chase_event_items"
  FOR EACH ROW EXECUTE FUNCTION "item_history_append_only"();
CREATE TRIGGER "chase_event_recipients_append_only" BEFORE UPDATE ON "chase_event_recipients"
  FOR EACH ROW EXECUTE FUNCTION "item_history_append_only"();
CREATE TRIGGER "supervision_files_append_only" BEFORE UPDATE OR DELETE ON "supervision_files"
  FOR EACH ROW EXECUTE FUNCTION "item_history_append_only"();

-- 6. Pages show these: their writes move the data version (see lib/cache/).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['calendar_days', 'chase_settings', 'supervisions', 'supervision_items',
                           'supervision_files', 'chase_events', 'chase_event_items',
                           'chase_event_recipients']
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"()', t || '_bump_data_version', t);
  END LOOP;
END;
$$;
