import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentPeriod, nothingDue, openDuePeriods } from "../../lib/writes/periods";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

describe("reporting periods open on their own", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ sample: true });
  });
  afterAll(async () => t.drop());

  const activeActionLeads = () =>
    t.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM items i JOIN units u ON u.id IN (i.lead_unit_id, i.co_lead_unit_id)
       WHERE i.level = 'ACTION' AND i.retired_at IS NULL AND i.status NOT IN ('COMPLETED', 'CANCELLED')`;

  it("lays out and opens the month containing today, fixing one obligation per lead unit of each open item", async () => {
    const now = new Date("2031-03-10T02:00:00Z");
    const opened = await openDuePeriods(t.db, now);
    expect(opened).toHaveLength(1);
    const period = await t.db.$transaction((tx) => currentPeriod(tx, now));
    expect(period).toMatchObject({ label: "2031年3月", kind: "MONTHLY" });
    const obligations = await t.db.periodObligation.count({ where: { periodId: period!.id } });
    const [row] = await activeActionLeads();
    expect(obligations).toBe(Number(row!.n));
    expect(obligations).toBeGreaterThan(0);
    // An item closed out (已完成) or cancelled owes nothing; the sample data has such items.
    expect(await t.db.item.count({ where: { level: "ACTION", status: "COMPLETED" } })).toBeGreaterThan(0);
    expect(
      await t.db.periodObligation.count({
        where: { periodId: period!.id, item: { status: { in: ["COMPLETED", "CANCELLED"] } } },
      }),
    ).toBe(0);
  });

  it("does nothing more when called again, or by several callers at once", async () => {
    const now = new Date("2031-03-11T02:00:00Z");
    const results = await Promise.all([
      openDuePeriods(t.db, now),
      openDuePeriods(t.db, now),
      openDuePeriods(t.db, now),
    ]);
    expect(results.flat()).toEqual([]);
    expect(await t.db.reportingPeriod.count({ where: { opensOn: new Date("2031-03-01") } })).toBe(1);
  });

  it("refuses to change a closed period or its obligations", async () => {
    const period = await t.db.reportingPeriod.findFirstOrThrow({ where: { label: "2031年3月" } });
    await t.db.reportingPeriod.update({
      where: { id: period.id },
      data: { closedAt: new Date("2031-04-01T00:00:00Z") },
    });
    await expect(t.db.reportingPeriod.update({ where: { id: period.id }, data: { label: "x" } })).rejects.toThrow(
      /closed/,
    );
    await expect(t.db.periodObligation.deleteMany({ where: { periodId: period.id } })).rejects.toThrow(/closed/);
    await expect(t.db.reportingPeriod.delete({ where: { id: period.id } })).rejects.toThrow(/closed/);
  });
  it("says nothing is due exactly when opening would change nothing (the pages' read before the lock)", async () => {
    const periods = () => t.db.reportingPeriod.findMany({ orderBy: { id: "asc" } });
    const jan = new Date("2033-01-10T02:00:00Z");
    expect(await nothingDue(t.db, jan)).toBe(false); // no period covers the day yet
    expect(await openDuePeriods(t.db, jan)).toHaveLength(1);
    expect(await nothingDue(t.db, jan)).toBe(true);
    const before = await periods();
    expect(await openDuePeriods(t.db, jan)).toEqual([]);
    expect(await periods()).toEqual(before);

    // A period whose day has come but which is not open yet.
    const current = await t.db.$transaction((tx) => currentPeriod(tx, jan));
    await t.db.reportingPeriod.update({ where: { id: current!.id }, data: { openedAt: null } });
    expect(await nothingDue(t.db, jan)).toBe(false);
    expect(await openDuePeriods(t.db, jan)).toEqual([current!.id]);
    expect(await nothingDue(t.db, jan)).toBe(true);

    // The next month: not covered until it is laid out.
    const feb = new Date("2033-02-01T02:00:00Z");
    expect(await nothingDue(t.db, feb)).toBe(false);
    expect(await openDuePeriods(t.db, feb)).toHaveLength(1);
    expect(await nothingDue(t.db, feb)).toBe(true);
  });
});
