// The cycle settings and custom periods through their server actions (only the session and Next's cache are
// stubbed): each change is audit-logged in its own transaction; bad order, overlaps, a period already over and
// a taken name are refused next to their field, and nothing is written.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetClock, setClock } from "@/lib/clock";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { signInAs as signInAccount } from "../support/session";
import { form } from "../support/form-data";

const actions = await import("../../lib/actions/periods");

let t: TestDatabase;

const signInAs = (loginName: string) => signInAccount(t.db, loginName);

const counts = async () => ({
  periods: await t.db.reportingPeriod.count(),
  audit: await t.db.auditLog.count(),
});

beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
  process.env.DATABASE_URL = t.url;
});
afterAll(async () => t.drop());
afterEach(() => resetClock());

describe("cycle settings", () => {
  it("are changed by an administrator, audit-logged, and refused to a coordinator", async () => {
    await signInAs("duban.joint");
    const refused = await actions.updateCycleSettings(null, form({ periodKind: "QUARTERLY", deadlineDay: "20" }));
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });

    await signInAs("admin");
    const saved = await actions.updateCycleSettings(null, form({ periodKind: "QUARTERLY", deadlineDay: "20" }));
    expect(saved).toEqual({ ok: true, message: "periods.settings.saved" });
    expect(await t.db.cycleSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      periodKind: "QUARTERLY",
      deadlineDay: 20,
      reviewRequired: false,
    });
    const audit = await t.db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "cycle.update", targetType: "cycle" });
    expect((audit.details as { changes: Record<string, unknown> }).changes).toMatchObject({
      periodKind: { from: "MONTHLY", to: "QUARTERLY" },
      deadlineDay: { from: 25, to: 20 },
      reviewRequired: { from: true, to: false },
    });

    const bad = await actions.updateCycleSettings(null, form({ periodKind: "WEEKLY", deadlineDay: "32" }));
    expect(bad).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { periodKind: ["validation.invalidChoice"], deadlineDay: ["periods.validation.deadlineDay"] },
    });
    await actions.updateCycleSettings(null, form({ periodKind: "MONTHLY", deadlineDay: "25", reviewRequired: "on" }));
  });
});

describe("custom periods", () => {
  const valid = {
    label: "2030年专项督查",
    labelEn: "Special review 2030",
    opensOn: "2030-03-01",
    deadline: "2030-03-20",
    closesOn: "2030-03-31",
  };

  it("are created by a coordinator, audit-logged", async () => {
    setClock("2030-01-10T02:00:00Z");
    await signInAs("duban.sc");
    const created = await actions.createCustomPeriod(null, form(valid));
    expect(created).toEqual({ ok: true, message: "periods.settings.created" });
    const period = await t.db.reportingPeriod.findFirstOrThrow({ where: { label: valid.label } });
    expect(period).toMatchObject({ kind: "CUSTOM", labelEn: valid.labelEn, openedAt: null, closedAt: null });
    expect(await t.db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({
      action: "period.create",
      targetType: "period",
      targetId: String(period.id),
    });
  });

  it("refuse bad order, overlaps, an ended period and a taken name next to their field, writing nothing", async () => {
    setClock("2030-01-10T02:00:00Z");
    await signInAs("admin");
    const before = await counts();
    const cases: [Record<string, string>, string, string][] = [
      [{ ...valid, label: "a", deadline: "2030-02-20" }, "deadline", "periods.validation.deadlineBeforeOpen"],
      [{ ...valid, label: "b", closesOn: "2030-03-10" }, "closesOn", "periods.validation.closeBeforeDeadline"],
      [
        { ...valid, label: "c", opensOn: "2030-03-31", deadline: "2030-04-10", closesOn: "2030-04-20" },
        "opensOn",
        "periods.validation.overlap",
      ],
      [
        { ...valid, label: "d", opensOn: "2029-11-01", deadline: "2029-11-20", closesOn: "2029-11-30" },
        "closesOn",
        "periods.validation.ended",
      ],
      [
        { ...valid, opensOn: "2030-05-01", deadline: "2030-05-20", closesOn: "2030-05-31" },
        "label",
        "periods.validation.labelTaken",
      ],
      [{ ...valid, label: "e", opensOn: "2030-02-30" }, "opensOn", "periods.validation.date"],
      [{ ...valid, label: "f", opensOn: "2101-01-01" }, "opensOn", "validation.dateOutOfRange"],
    ];
    for (const [values, field, message] of cases) {
      const result = await actions.createCustomPeriod(null, form(values));
      expect(result, `${field}: ${message}`).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { [field]: [message] },
      });
    }
    expect(await counts()).toEqual(before);
  });

  it("are refused to editors and viewers", async () => {
    for (const login of ["sc.fgw", "leader"]) {
      await signInAs(login);
      expect(await actions.createCustomPeriod(null, form({ ...valid, label: login }))).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      expect(await actions.closePeriodEarly(null, form({ periodId: "1" }))).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
  });

  it("close early only once opened: an unknown or not yet opened period is refused clearly", async () => {
    await signInAs("duban.joint");
    const period = await t.db.reportingPeriod.findFirstOrThrow({ where: { label: valid.label } });
    expect(await actions.closePeriodEarly(null, form({ periodId: String(period.id) }))).toMatchObject({
      ok: false,
      code: "invalid",
      message: "periods.errors.notOpen",
    });
    expect(await actions.closePeriodEarly(null, form({ periodId: "1999999999" }))).toMatchObject({
      ok: false,
      code: "not-found",
    });
  });
});
