-- The e-mail outbox: one row per mail to send — a notification mailed on its own, or one person's digest of a
-- day. A row is written in the same transaction as what it mails (lib/writes/notifications.ts notify, or
-- lib/mail/digest.ts queueDigests), so a mail exists exactly when its notification does; (notification) and
-- (person, day) are unique, so no retry or second instance queues a mail twice. lib/mail/outbox.ts sends them;
-- its states make sure no restart sends a message twice (README, "E-mail").
CREATE TYPE "EmailState" AS ENUM ('PENDING', 'SENDING', 'COMMITTING', 'SENT', 'FAILED', 'UNCERTAIN', 'CANCELLED');

CREATE TABLE "email_outbox" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    -- a notification mailed on its own …
    "notification_id" INTEGER,
    -- … or the person's digest of this day (China time)
    "digest_day" DATE,
    -- fixed when the row is written, so every attempt of this mail carries the same Message-ID
    "message_id" TEXT NOT NULL DEFAULT ('<' || gen_random_uuid()::text || '@chengyu-tracker.mail>'),
    "state" "EmailState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    -- the sender that last claimed the row, and until when its claim counts (kept afterwards: a sender that
    -- learns late that the server accepted the mail may still record it)
    "claim_token" UUID,
    "lease_until" TIMESTAMPTZ(3),
    -- the address it went (or was last tried) to
    "recipient" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "smtp_response" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "email_outbox_one_subject" CHECK (("notification_id" IS NULL) <> ("digest_day" IS NULL)),
    CONSTRAINT "email_outbox_claimed" CHECK ("state" NOT IN ('SENDING', 'COMMITTING') OR ("claim_token" IS NOT NULL AND "lease_until" IS NOT NULL))
);
CREATE UNIQUE INDEX "email_outbox_notification_id_key" ON "email_outbox"("notification_id");
CREATE UNIQUE INDEX "email_outbox_user_id_digest_day_key" ON "email_outbox"("user_id", "digest_day");
CREATE UNIQUE INDEX "email_outbox_message_id_key" ON "email_outbox"("message_id");
CREATE INDEX "email_outbox_state_next_attempt_at_idx" ON "email_outbox"("state", "next_attempt_at");
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The bell counts a person's unread notifications on every page: one count on this index (read_at IS NULL is
-- a range of it, and the visibility map lets most pages skip the table).
CREATE INDEX "notifications_user_id_read_at_idx" ON "notifications"("user_id", "read_at");
