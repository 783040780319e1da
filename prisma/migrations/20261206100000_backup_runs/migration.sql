-- Scheduled backups (lib/writes/backups.ts, the job queue's backup-tick): one row per run. A run is for one
-- slot (the day's BACKUP_AT): the row is written before the dump starts, and the slot's uniqueness makes a
-- slot run once however many instances and ticks race for it. It is finished with the file's name, size and
-- sha256, or with the error; retention sets deleted_at when it removes the file (only files these rows name).
CREATE TABLE "backup_runs" (
    "id" SERIAL NOT NULL,
    -- the scheduled moment this run is for
    "slot" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    -- the dump's full path (set when the run starts: the name it will have once complete)
    "file" TEXT NOT NULL,
    "size" BIGINT,
    "sha256" TEXT,
    "error" TEXT,
    -- retention removed the file
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "backup_runs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "backup_runs_outcome" CHECK (
        ("finished_at" IS NULL AND "size" IS NULL AND "sha256" IS NULL AND "error" IS NULL)
        OR ("finished_at" IS NOT NULL AND "error" IS NULL AND "size" IS NOT NULL AND "sha256" ~ '^[0-9a-f]{64}$')
        OR ("finished_at" IS NOT NULL AND "error" IS NOT NULL AND "size" IS NULL AND "sha256" IS NULL)),
    CONSTRAINT "backup_runs_deleted" CHECK ("deleted_at" IS NULL OR ("finished_at" IS NOT NULL AND "error" IS NULL))
);
CREATE UNIQUE INDEX "backup_runs_slot_key" ON "backup_runs"("slot");
CREATE INDEX "backup_runs_started_at_idx" ON "backup_runs"("started_at" DESC);
