-- Rendered pages kept per data version (issue 18, scripts/page-cache/). A page shows more than the data the
-- data version covers: the header's notification bell, whether this sign-in has ended. Those tables move a
-- second counter, the page version, so that a kept page is served only while nothing it shows has changed,
-- without making every notification throw away the dashboard's aggregates (which key on "version" alone).
--
-- Every table of schema public either moves "version" (bump_data_version), moves "page_version" (below), or
-- is listed in tests/integration/page-version.test.ts as shown on no kept page, with the reason. That test
-- fails for a new table that does none of these.
ALTER TABLE "data_version" ADD COLUMN "page_version" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "data_version" ADD COLUMN "page_xid" BIGINT;

-- As bump_data_version: once per transaction, at commit, so a reader never sees the new number before the data.
CREATE FUNCTION "bump_page_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_version"
     SET "page_version" = "page_version" + 1, "page_xid" = pg_current_xact_id()::text::bigint
   WHERE "id" = 1 AND "page_xid" IS DISTINCT FROM pg_current_xact_id()::text::bigint;
  RETURN NULL;
END;
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['notifications', 'ended_sessions', 'app_settings']
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_page_version"()', t || '_bump_page_version', t);
  END LOOP;
END;
$$;
