-- Sign-in (local + OIDC), throttling stored in the database, and the administrative audit log.

ALTER TABLE "users"
    ADD COLUMN "oidc_subject" TEXT,
    ADD COLUMN "pending_approval" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 1;

CREATE UNIQUE INDEX "users_oidc_subject_key" ON "users"("oidc_subject");

CREATE TABLE "sign_in_attempts" (
    "id" BIGSERIAL NOT NULL,
    "login_name" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_attempts_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "sign_in_attempts_login_name_created_at_idx" ON "sign_in_attempts"("login_name", "created_at");
CREATE INDEX "sign_in_attempts_ip_created_at_idx" ON "sign_in_attempts"("ip", "created_at");

CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");
CREATE INDEX "audit_log_target_type_target_id_idx" ON "audit_log"("target_type", "target_id");

ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit log is evidence like item_history: share its append-only trigger function, now naming the table.
CREATE OR REPLACE FUNCTION "item_history_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "item_history_append_only"();
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "item_history_append_only"();

-- An account waiting for approval never has access.
ALTER TABLE "users" ADD CONSTRAINT "users_pending_is_disabled" CHECK (NOT "pending_approval" OR "disabled");

-- Settings every app instance on this database shares, such as the session secret generated on first start
-- (so two instances accept each other's sessions without any configuration).
CREATE TABLE "app_settings" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_settings_pkey" PRIMARY KEY ("key")
);
