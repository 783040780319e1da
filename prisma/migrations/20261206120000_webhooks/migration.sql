-- Webhooks (issue 17, item 5): administrators register a URL, a secret and the events it wants; every event is
-- written as one delivery row per subscribed webhook IN THE SAME TRANSACTION as the change that causes it
-- (lib/writes/webhook-events.ts), so a rolled-back change sends nothing (an outbox). The job queue sends the
-- rows (lib/webhooks/deliver.ts): signed, retried with exponential backoff up to a maximum of attempts, every
-- attempt recorded in webhook_delivery_attempts. README, "Webhooks".
CREATE TYPE "WebhookDeliveryState" AS ENUM ('PENDING', 'SENDING', 'DELIVERED', 'FAILED');

CREATE TABLE "webhooks" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    -- The signing secret, encrypted (AES-256-GCM, key from WEBHOOK_SECRET_KEY or AUTH_SECRET; lib/webhooks/
    -- secret.ts): the app must be able to sign, so it cannot be hashed; a database dump alone does not reveal it.
    "secret_encrypted" TEXT NOT NULL,
    -- the last four characters, so an administrator can tell which secret a receiver holds
    "secret_hint" TEXT NOT NULL,
    -- event names (lib/webhooks/events.ts), at least one (a list: nullable as Prisma writes lists; the check refuses NULL)
    "events" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    -- lets the URL resolve to a private, loopback or link-local address (refused otherwise); an administrator's choice
    "allow_private" BOOLEAN NOT NULL DEFAULT false,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhooks_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "webhooks_some_events" CHECK ("events" IS NOT NULL AND cardinality("events") > 0),
    CONSTRAINT "webhooks_http_url" CHECK ("url" ~* '^https?://')
);
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "webhook_deliveries" (
    "id" SERIAL NOT NULL,
    "webhook_id" INTEGER NOT NULL,
    "event" TEXT NOT NULL,
    -- one id per event, the same for every webhook and every attempt (header X-Chengyu-Event-Id): receivers dedupe on it
    "event_id" UUID NOT NULL,
    -- the event's body as sent (lib/webhooks/events.ts WebhookBody)
    "payload" JSONB NOT NULL,
    "state" "WebhookDeliveryState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    -- the sender that claimed the row and until when (a sender that died is taken over once it runs out)
    "claim_token" UUID,
    "lease_until" TIMESTAMPTZ(3),
    "last_response_code" INTEGER,
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "webhook_deliveries_claimed" CHECK ("state" <> 'SENDING' OR ("claim_token" IS NOT NULL AND "lease_until" IS NOT NULL))
);
CREATE UNIQUE INDEX "webhook_deliveries_webhook_id_event_id_key" ON "webhook_deliveries"("webhook_id", "event_id");
CREATE INDEX "webhook_deliveries_state_next_attempt_at_idx" ON "webhook_deliveries"("state", "next_attempt_at");
CREATE INDEX "webhook_deliveries_webhook_id_id_idx" ON "webhook_deliveries"("webhook_id", "id" DESC);
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every attempt, with what the receiver answered (or why there was no answer).
CREATE TABLE "webhook_delivery_attempts" (
    "id" SERIAL NOT NULL,
    "delivery_id" INTEGER NOT NULL,
    "attempt" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "response_code" INTEGER,
    "error" TEXT,

    CONSTRAINT "webhook_delivery_attempts_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "webhook_delivery_attempts_delivery_id_idx" ON "webhook_delivery_attempts"("delivery_id");
ALTER TABLE "webhook_delivery_attempts" ADD CONSTRAINT "webhook_delivery_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
