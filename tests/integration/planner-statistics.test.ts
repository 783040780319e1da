// Every live read filters the items' states on `level::text` (lib/queries/as-of.ts). Without statistics on that
// expression PostgreSQL guesses 0.5 % of the rows match and plans nested loops over the whole table
// (migration 20261207180000_items_level_statistics). After ANALYZE its estimate must be near the real count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
});
afterAll(async () => {
  await t.drop();
});

describe("the planner's statistics on the items' level", () => {
  it("estimates how many items are actions, and how many recommendations, within 10 % of the count", async () => {
    await t.db.$executeRawUnsafe("ANALYZE items");
    for (const level of ["ACTION", "RECOMMENDATION"]) {
      const [count] = await t.db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM items WHERE level::text = '${level}'`,
      );
      const [plan] = await t.db.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>(
        `EXPLAIN (FORMAT JSON) SELECT * FROM items WHERE level::text = '${level}'`,
      );
      const n = count!.n;
      const estimate = plan!["QUERY PLAN"][0].Plan["Plan Rows"];
      expect(n, level).toBeGreaterThan(10);
      expect(Math.abs(estimate - n), `${level}: estimated ${estimate}, counted ${n}`).toBeLessThanOrEqual(n * 0.1);
    }
  });
});
