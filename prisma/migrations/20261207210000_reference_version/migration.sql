-- A third counter for caches of the past (issue 18). The dashboard as of a day long past reads item states from
-- item_history only (lib/queries/as-of.ts), which the history epoch covers, and beside them today's reference
-- rows: unit names and sides, pillars, regions, conferences, the calendar. Keyed by the data version, every
-- progress update threw those figures away although none of them could change. The reference version moves
-- with every table that moves the data version, except the ones the item writes touch and a past moment never
-- reads directly (below); a read of a settled moment (lib/cache/data-version.ts readThroughSettled) is keyed by
-- the history epoch and this version together.
--
-- tests/integration/reference-version.test.ts checks both halves: every data table is here or named there
-- with its reason, and the plans of the settled reads touch no table excluded here but items and item_history.
ALTER TABLE "data_version" ADD COLUMN "reference_version" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "data_version" ADD COLUMN "reference_xid" BIGINT;

-- As bump_data_version: once per transaction, at commit.
CREATE FUNCTION "bump_reference_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_version"
     SET "reference_version" = "reference_version" + 1, "reference_xid" = pg_current_xact_id()::text::bigint
   WHERE "id" = 1 AND "reference_xid" IS DISTINCT FROM pg_current_xact_id()::text::bigint;
  RETURN NULL;
END;
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['calendar_days', 'chase_settings', 'conferences', 'cycle_settings', 'datasets', 'goals',
                           'indicators', 'pillars', 'rating_weights', 'regions', 'reporting_periods', 'units']
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_reference_version"()', t || '_bump_reference_version', t);
  END LOOP;
END;
$$;

-- Items: a past moment takes every column from history but the id and the level (lib/queries/as-of.ts). Items
-- are never deleted and their level never changes; should either happen, the cached past is thrown away.
CREATE CONSTRAINT TRIGGER "items_bump_reference_version" AFTER DELETE OR UPDATE OF "level" ON "items"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_reference_version"();
