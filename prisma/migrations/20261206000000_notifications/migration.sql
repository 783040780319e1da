-- Notifications (通知): what the system tells a person — a reminder, a 催办, a 督办, a report returned — in the
-- notification centre, and by e-mail when the person has an address and has not opted out.

-- 1. People's e-mail and how they want it: opted out of e-mail altogether, or one digest a day.
ALTER TABLE "users" ADD COLUMN "email" TEXT;
ALTER TABLE "users" ADD COLUMN "email_opt_out" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "users" ADD COLUMN "email_digest" BOOLEAN NOT NULL DEFAULT false;

-- 2. One row per person and thing told. `key` names the thing (e.g. "urge:period:12:unit:5"): unique per
--    person, so the same thing is never notified twice, however many instances or retries write it. The text is
--    not stored: `kind` and `params` are rendered in the reader's language when shown or mailed.
CREATE TABLE "notifications" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    -- the page of the thing concerned (an app path such as /items/1.2.3)
    "link" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "is_sample" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notifications_link_is_a_path" CHECK (left("link", 1) = '/' AND left("link", 2) <> '//')
);
CREATE UNIQUE INDEX "notifications_user_id_key_key" ON "notifications"("user_id", "key");
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at" DESC);
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
