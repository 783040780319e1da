-- Sessions ended by signing out. A session is a signed cookie (JWT) that would stay valid until it expires;
-- listing its id here makes every app instance refuse it from the next request, so a copy of the cookie is
-- worthless after sign-out. Rows past their session's expiry are deleted when someone signs out.
CREATE TABLE "ended_sessions" (
    "session_id" UUID NOT NULL,
    "user_id" INTEGER NOT NULL,
    "ended_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ended_sessions_pkey" PRIMARY KEY ("session_id")
);

CREATE INDEX "ended_sessions_expires_at_idx" ON "ended_sessions"("expires_at");
