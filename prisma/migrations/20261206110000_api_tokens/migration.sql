-- The open API (/api/v1): personal access tokens, their rate-limit windows and their idempotency keys
-- (lib/auth/api-tokens.ts, lib/auth/api-limits.ts). None of these bumps the data version: they are not
-- portfolio data, and a token's last use moving must not empty the aggregate caches.
CREATE TYPE "ApiTokenScope" AS ENUM ('READ', 'WRITE');

-- A token is "cyt_" + 32 random bytes (base64url). Only its SHA-256 is stored: the secret has 256 bits of
-- entropy, so a fast hash cannot be brute-forced and no salt or slow KDF (argon2, for passwords) is needed;
-- the hash is also the lookup key. `prefix` (the first characters) lets the owner tell tokens apart.
CREATE TABLE "api_tokens" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "scope" "ApiTokenScope" NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by_id" INTEGER,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id"),
    -- at most a year (and a day of slack for the clock's day boundary), never already expired when made
    CONSTRAINT "api_tokens_expiry" CHECK ("expires_at" > "created_at" AND "expires_at" <= "created_at" + interval '366 days'),
    CONSTRAINT "api_tokens_revoked" CHECK (("revoked_at" IS NULL) = ("revoked_by_id" IS NULL))
);
CREATE UNIQUE INDEX "api_tokens_secret_hash_key" ON "api_tokens"("secret_hash");
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_revoked_by_id_fkey" FOREIGN KEY ("revoked_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Requests per token per fixed window (one minute), counted in PostgreSQL so every app instance shares them.
CREATE TABLE "api_rate_limits" (
    "token_id" INTEGER NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "api_rate_limits_pkey" PRIMARY KEY ("token_id", "window_start")
);
ALTER TABLE "api_rate_limits" ADD CONSTRAINT "api_rate_limits_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A POST's Idempotency-Key: the request's hash and, once answered, the answer. A retry with the same key and
-- body gets the stored answer; the same key with another body is refused (422). "status" is null while the
-- first request is still being answered.
CREATE TABLE "api_idempotency" (
    "token_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "status" INTEGER,
    "body" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "api_idempotency_pkey" PRIMARY KEY ("token_id", "key")
);
CREATE INDEX "api_idempotency_created_at_idx" ON "api_idempotency"("created_at");
ALTER TABLE "api_idempotency" ADD CONSTRAINT "api_idempotency_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE;
