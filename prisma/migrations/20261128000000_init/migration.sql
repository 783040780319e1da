-- CreateEnum
CREATE TYPE "side" AS ENUM ('SICHUAN', 'CHONGQING', 'JOINT', 'NATIONAL');

-- CreateEnum
CREATE TYPE "unit_kind" AS ENUM ('GOVERNMENT', 'DEPARTMENT', 'LOCAL_GOVERNMENT', 'PLATFORM', 'COORDINATION', 'LEGISLATURE', 'INSTITUTION', 'OTHER');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('ADMIN', 'EDITOR', 'VIEWER');

-- CreateEnum
CREATE TYPE "item_level" AS ENUM ('RECOMMENDATION', 'ACTION');

-- CreateEnum
CREATE TYPE "item_status" AS ENUM ('NOT_ASSESSED', 'NOT_STARTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "confidence" AS ENUM ('GREEN', 'AMBER', 'RED');

-- CreateEnum
CREATE TYPE "region_kind" AS ENUM ('CITY', 'DISTRICT', 'COUNTY', 'NEW_AREA', 'AREA');

-- CreateEnum
CREATE TYPE "history_action" AS ENUM ('CREATE', 'UPDATE', 'PROGRESS_UPDATE', 'MILESTONE', 'MOVE', 'RETIRE', 'RESTORE');

-- CreateTable
CREATE TABLE "datasets" (
    "key" TEXT NOT NULL,
    "loaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checksum" TEXT NOT NULL,

    CONSTRAINT "datasets_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "units" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "short_name" TEXT,
    "side" "side" NOT NULL,
    "kind" "unit_kind" NOT NULL,
    "is_sample" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "login_name" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "role" NOT NULL,
    "unit_id" INTEGER,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "is_sample" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pillars" (
    "id" SERIAL NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "requirement" TEXT NOT NULL,
    "summary" TEXT NOT NULL,

    CONSTRAINT "pillars_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "goals" (
    "id" SERIAL NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "source_excerpt" TEXT NOT NULL,

    CONSTRAINT "goals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "items" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "parent_id" INTEGER,
    "pillar_id" INTEGER NOT NULL,
    "level" "item_level" NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "title" TEXT NOT NULL,
    "title_en" TEXT,
    "description" TEXT,
    "source_excerpt" TEXT NOT NULL,
    "lead_unit_id" INTEGER,
    "co_lead_unit_id" INTEGER,
    "responsible_person" TEXT,
    "status" "item_status" NOT NULL DEFAULT 'NOT_ASSESSED',
    "confidence" "confidence",
    "progress" INTEGER,
    "weight" INTEGER NOT NULL DEFAULT 1,
    "start_date" DATE,
    "due_date" DATE,
    "original_due_date" DATE,
    "retired_at" TIMESTAMPTZ(3),
    "last_update_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_supporting_units" (
    "item_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,

    CONSTRAINT "item_supporting_units_pkey" PRIMARY KEY ("item_id","unit_id")
);

-- CreateTable
CREATE TABLE "regions" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "side" "side" NOT NULL,
    "kind" "region_kind" NOT NULL,

    CONSTRAINT "regions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_regions" (
    "item_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,

    CONSTRAINT "item_regions_pkey" PRIMARY KEY ("item_id","region_id")
);

-- CreateTable
CREATE TABLE "conferences" (
    "id" SERIAL NOT NULL,
    "number" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "theme" TEXT NOT NULL,
    "summary" TEXT NOT NULL,

    CONSTRAINT "conferences_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_conferences" (
    "item_id" INTEGER NOT NULL,
    "conference_id" INTEGER NOT NULL,

    CONSTRAINT "item_conferences_pkey" PRIMARY KEY ("item_id","conference_id")
);

-- CreateTable
CREATE TABLE "milestones" (
    "id" SERIAL NOT NULL,
    "item_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "planned_date" DATE NOT NULL,
    "completed_date" DATE,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "milestones_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "progress_updates" (
    "id" SERIAL NOT NULL,
    "item_id" INTEGER NOT NULL,
    "author_id" INTEGER,
    "unit_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "item_status" NOT NULL,
    "progress" INTEGER NOT NULL,
    "confidence" "confidence" NOT NULL,
    "note" TEXT NOT NULL,
    "next_steps" TEXT,
    "blockers" TEXT,
    "evidence_links" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "is_sample" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "progress_updates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_history" (
    "id" BIGSERIAL NOT NULL,
    "item_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "action" "history_action" NOT NULL,
    "changed_fields" TEXT[],
    "reason" TEXT,
    "pillar_id" INTEGER NOT NULL,
    "parent_id" INTEGER,
    "lead_unit_id" INTEGER,
    "status" "item_status" NOT NULL,
    "confidence" "confidence",
    "progress" INTEGER,
    "weight" INTEGER NOT NULL,
    "due_date" DATE,
    "retired" BOOLEAN NOT NULL,
    "last_update_at" TIMESTAMPTZ(3),
    "snapshot" JSONB NOT NULL,
    "is_sample" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "item_history_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "units_name_key" ON "units"("name");

-- CreateIndex
CREATE UNIQUE INDEX "users_login_name_key" ON "users"("login_name");

-- CreateIndex
CREATE INDEX "users_unit_id_idx" ON "users"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "pillars_number_key" ON "pillars"("number");

-- CreateIndex
CREATE UNIQUE INDEX "goals_number_key" ON "goals"("number");

-- CreateIndex
CREATE UNIQUE INDEX "items_code_key" ON "items"("code");

-- CreateIndex
CREATE INDEX "items_parent_id_idx" ON "items"("parent_id");

-- CreateIndex
CREATE INDEX "items_pillar_id_idx" ON "items"("pillar_id");

-- CreateIndex
CREATE INDEX "items_lead_unit_id_idx" ON "items"("lead_unit_id");

-- CreateIndex
CREATE INDEX "items_co_lead_unit_id_idx" ON "items"("co_lead_unit_id");

-- CreateIndex
CREATE INDEX "item_supporting_units_unit_id_idx" ON "item_supporting_units"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "regions_name_key" ON "regions"("name");

-- CreateIndex
CREATE INDEX "item_regions_region_id_idx" ON "item_regions"("region_id");

-- CreateIndex
CREATE UNIQUE INDEX "conferences_number_key" ON "conferences"("number");

-- CreateIndex
CREATE INDEX "item_conferences_conference_id_idx" ON "item_conferences"("conference_id");

-- CreateIndex
CREATE INDEX "milestones_item_id_idx" ON "milestones"("item_id");

-- CreateIndex
CREATE INDEX "progress_updates_item_id_created_at_idx" ON "progress_updates"("item_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "progress_updates_created_at_idx" ON "progress_updates"("created_at" DESC);

-- CreateIndex
CREATE INDEX "item_history_item_id_changed_at_idx" ON "item_history"("item_id", "changed_at" DESC);

-- CreateIndex
CREATE INDEX "item_history_changed_at_idx" ON "item_history"("changed_at");

-- CreateIndex
CREATE UNIQUE INDEX "item_history_item_id_version_key" ON "item_history"("item_id", "version");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_pillar_id_fkey" FOREIGN KEY ("pillar_id") REFERENCES "pillars"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_lead_unit_id_fkey" FOREIGN KEY ("lead_unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_co_lead_unit_id_fkey" FOREIGN KEY ("co_lead_unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_supporting_units" ADD CONSTRAINT "item_supporting_units_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_supporting_units" ADD CONSTRAINT "item_supporting_units_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_regions" ADD CONSTRAINT "item_regions_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_regions" ADD CONSTRAINT "item_regions_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_conferences" ADD CONSTRAINT "item_conferences_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_conferences" ADD CONSTRAINT "item_conferences_conference_id_fkey" FOREIGN KEY ("conference_id") REFERENCES "conferences"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_history" ADD CONSTRAINT "item_history_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_history" ADD CONSTRAINT "item_history_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Rules Prisma's schema language cannot express. Prisma ignores CHECK constraints and triggers when it
-- compares a database with schema.prisma, so `prisma migrate deploy` accepts this database unchanged.

ALTER TABLE "items" ADD CONSTRAINT "items_progress_range" CHECK ("progress" IS NULL OR "progress" BETWEEN 0 AND 100);
ALTER TABLE "items" ADD CONSTRAINT "items_weight_positive" CHECK ("weight" > 0);
ALTER TABLE "items" ADD CONSTRAINT "items_dates_ordered" CHECK ("start_date" IS NULL OR "due_date" IS NULL OR "start_date" <= "due_date");
ALTER TABLE "items" ADD CONSTRAINT "items_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id");
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_progress_range" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "item_history" ADD CONSTRAINT "item_history_progress_range" CHECK ("progress" IS NULL OR "progress" BETWEEN 0 AND 100);

-- History is append-only: nothing may rewrite or remove what happened.
CREATE FUNCTION "item_history_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'item_history is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "item_history_no_update" BEFORE UPDATE OR DELETE ON "item_history"
  FOR EACH ROW EXECUTE FUNCTION "item_history_append_only"();

CREATE TRIGGER "item_history_no_truncate" BEFORE TRUNCATE ON "item_history"
  FOR EACH STATEMENT EXECUTE FUNCTION "item_history_append_only"();

-- Every committed state of an item has its history row: checked at commit, so a change and its history
-- row are written in one transaction or not at all.
CREATE FUNCTION "items_require_history"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "item_history" h WHERE h."item_id" = NEW."id" AND h."version" = NEW."version") THEN
    RAISE EXCEPTION 'item % version % changed without an item_history row', NEW."id", NEW."version"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "items_history_required" AFTER INSERT OR UPDATE ON "items"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "items_require_history"();

-- Optimistic locking has teeth: every UPDATE of an item moves its version on by exactly one, so no change
-- can slip past the history check above under an old version number.
CREATE FUNCTION "items_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."version" <> OLD."version" + 1 THEN
    RAISE EXCEPTION 'item % update must set version to % (got %)', OLD."id", OLD."version" + 1, NEW."version"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "items_version_bump" BEFORE UPDATE ON "items"
  FOR EACH ROW EXECUTE FUNCTION "items_version_bump"();
