// Status reports are built on a pool of their own (lib/db.ts reportDb), so an export cannot take the pages'
// connections: building a report of everything runs its queries on the "reports" pool, and on the pages' pool
// only the read of the data version that keys the file cache.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toSessionUser } from "@/lib/auth/session-user";
import { getReportFile } from "@/lib/data/reports";
import { db, reportDb, REPORT_POOL_SIZE } from "@/lib/db";
import { isoDay } from "@/lib/dates";
import { metricsText } from "@/lib/metrics";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { parsePrometheusText, sampleSum, sampleValue } from "../support/prometheus-text";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
  process.env.DATABASE_URL = t.url;
});
afterAll(async () => {
  await Promise.all([db().$disconnect(), reportDb().$disconnect()]);
  await t.drop();
});

const queries = async (pool: string) =>
  sampleSum(parsePrometheusText(await metricsText()), "tracker_db_query_duration_seconds_count", { pool });

describe("the status report's own pool", () => {
  it("builds a report of everything on the reports pool, not the pages' pool", async () => {
    const admin = await t.db.user.findFirstOrThrow({
      where: { role: "ADMIN", disabled: false },
      include: { unit: true },
    });
    const [appBefore, reportsBefore] = [await queries("app"), await queries("reports")];
    const request = {
      scope: { kind: "all" as const },
      asOf: isoDay(new Date()),
      compare: null,
      locale: "zh-CN" as const,
    };
    const file = await getReportFile(toSessionUser(admin), request, "csv");
    expect(file.body.toString("utf8").trim().split("\r\n").length).toBeGreaterThan(100);

    const onReports = (await queries("reports")) - reportsBefore;
    const onApp = (await queries("app")) - appBefore;
    expect(onReports).toBeGreaterThan(5);
    expect(onApp).toBeLessThanOrEqual(2);
    const open = sampleValue(parsePrometheusText(await metricsText()), "tracker_db_pool_connections", {
      pool: "reports",
      state: "total",
    });
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThanOrEqual(REPORT_POOL_SIZE);
  });
});
