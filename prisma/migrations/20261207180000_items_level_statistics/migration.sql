-- The planner's estimate of `level::text = 'ACTION'` (every live read filters the items' states that way,
-- lib/queries/as-of.ts): without statistics on the expression it guesses 0.5 % of the rows, and at 10,000 items
-- picked nested loops over the whole table for what matches 95 % (the dashboard's investment totals: 40 → 23 ms).
-- Statistics on an expression exist from PostgreSQL 14; on 13 this does nothing and the plans stay as they were.
DO $$
BEGIN
  IF current_setting('server_version_num')::int >= 140000 THEN
    EXECUTE 'CREATE STATISTICS "items_level_text" ON ((level::text)) FROM "items"';
  END IF;
END;
$$;
ANALYZE "items";
