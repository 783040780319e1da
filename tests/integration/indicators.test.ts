// An item's 指标 through their write path and their reads: each write (add, edit, report a value, 关键指标, remove)
// moves the item's version and records its history row in the same transaction; callers without the permission
// are refused and nothing is written; bad figures are refused field by field with nothing written; "as of" a
// past day reads the definitions from history and only the values reported by then (a later correction does
// not rewrite the past); the dashboard's 关键指标 follow the mark, live and as of.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  addIndicator,
  removeIndicator,
  reportIndicatorValue,
  setIndicatorHeadline,
  updateIndicator,
} from "@/lib/actions/indicators";
import { resetClock, setClock } from "@/lib/clock";
import type { Prisma } from "@/lib/generated/prisma/client";
import { endOfDay, todayInChina } from "@/lib/dates";
import { invalid } from "@/lib/forms/result";
import { queryHeadlineIndicators, queryItemIndicators } from "@/lib/queries/indicators";
import { loadItemView } from "@/lib/queries/item-view";
import { addIndicatorSchema, reportIndicatorValueSchema } from "@/lib/validations/indicators";
import * as writes from "@/lib/writes/indicators";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { findActionTarget } from "../support/action-cases/context";
import { sampleAccount, sampleStaff, type TestAccount } from "../support/actors";
import { signIn, signOut } from "../support/session";
import { outsideUnit } from "../support/unit-scope";

const DAY = 86_400_000;

const form = (fields: Record<string, string | number>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v));
  return f;
};

describe("indicators (指标): writes, history, permissions, as of", () => {
  let t: TestDatabase;
  let item: { id: number; code: string };
  let editor: TestAccount;
  let otherEditor: TestAccount;
  let staff: Awaited<ReturnType<typeof sampleStaff>>;

  beforeAll(async () => {
    t = await createTestDatabase({ sample: true });
    process.env.DATABASE_URL = t.url;
    const target = await findActionTarget(t.db);
    item = { id: target.id, code: target.code };
    editor = await sampleAccount(t.db, { role: "EDITOR", unitId: target.leadUnitId });
    const inScope = [target.leadUnitId!, ...target.supportingUnits.map((s) => s.unitId)];
    otherEditor = await sampleAccount(t.db, { role: "EDITOR", unitId: { notIn: inScope } });
    staff = await sampleStaff(t.db);
  }, 180_000);
  afterEach(() => {
    resetClock();
    signOut();
  });
  afterAll(async () => t?.drop());

  /** What a write could touch: indicators, their values, the item's version and history, the data version. */
  const state = async (itemId = item.id) => {
    const [indicators, values, history, row] = await Promise.all([
      t.db.indicator.findMany({ where: { itemId }, orderBy: { id: "asc" } }),
      t.db.indicatorValue.count({ where: { indicator: { itemId } } }),
      t.db.itemHistory.count({ where: { itemId } }),
      t.db.item.findUniqueOrThrow({ where: { id: itemId }, select: { version: true } }),
    ]);
    return JSON.stringify({ indicators, values, history, version: row.version });
  };
  const latestHistory = () =>
    t.db.itemHistory.findFirstOrThrow({ where: { itemId: item.id }, orderBy: { version: "desc" } });
  const changesOfLatest = async () => {
    const view = await loadItemView(t.db, item.code, { before: null });
    if (view === null || view === "not-yet") throw new Error("the item is there");
    return view;
  };

  const definition = (over: Record<string, string | number> = {}) => ({
    itemId: item.id,
    name: "高速铁路运营里程",
    unit: "公里",
    baseline: "1,200",
    target: "2000.50",
    targetYear: "2027",
    direction: "HIGHER",
    ...over,
  });

  it("refuses bad figures, a target on the wrong side, a bad year and a future day, field by field", () => {
    const errorsOf = (fields: Record<string, string | number>) => {
      const parsed = addIndicatorSchema.safeParse(
        Object.fromEntries(Object.entries(definition(fields)).map(([k, v]) => [k, String(v)])),
      );
      expect(parsed.success).toBe(false);
      return parsed.success ? {} : invalid(parsed.error).fieldErrors;
    };
    expect(errorsOf({ baseline: "一千", target: "1e5", targetYear: "2101", name: " ", unit: "x".repeat(21) })).toEqual({
      name: ["validation.required"],
      unit: ["validation.tooLong"],
      baseline: ["indicators.validation.format"],
      target: ["indicators.validation.format"],
      targetYear: ["indicators.validation.targetYear"],
    });
    expect(errorsOf({ baseline: "1.00001", target: "123456789012345" })).toEqual({
      baseline: ["indicators.validation.decimals"],
      target: ["indicators.validation.tooLarge"],
    });
    expect(errorsOf({ baseline: "10", target: "10" })).toEqual({ target: ["indicators.validation.targetAbove"] });
    expect(errorsOf({ baseline: "10", target: "12", direction: "LOWER" })).toEqual({
      target: ["indicators.validation.targetBelow"],
    });
    expect(errorsOf({ direction: "UP" })).toEqual({ direction: ["indicators.validation.direction"] });
    const ok = addIndicatorSchema.safeParse(
      Object.fromEntries(Object.entries(definition()).map(([k, v]) => [k, String(v)])),
    );
    expect(ok.success && ok.data).toMatchObject({ baseline: "1200", target: "2000.5", targetYear: 2027 });

    const tomorrow = todayInChina(new Date(Date.now() + 2 * DAY));
    const value = reportIndicatorValueSchema.safeParse({ indicatorId: "1", observedOn: tomorrow, actual: "-0.5" });
    expect(value.success ? {} : invalid(value.error).fieldErrors).toEqual({
      observedOn: ["indicators.validation.future"],
    });
  });

  it("an editor of the item's unit adds, edits and reports; each write is one item version with its history", async () => {
    signIn(editor);
    const v0 = (await t.db.item.findUniqueOrThrow({ where: { id: item.id } })).version;
    const added = await addIndicator(null, form(definition()));
    expect(added).toMatchObject({ ok: true, message: "indicators.saved.added" });
    const id = added.ok ? added.data.indicatorId : 0;
    const stored = await t.db.indicator.findUniqueOrThrow({ where: { id } });
    expect([stored.baseline.toFixed(4), stored.target.toFixed(4), stored.version]).toEqual([
      "1200.0000",
      "2000.5000",
      1,
    ]);
    let h = await latestHistory();
    expect([h.version, h.changedFields, h.actorId]).toEqual([v0 + 1, ["indicators"], editor.id]);
    expect((h.snapshot as { indicators: unknown[] }).indicators).toEqual([
      {
        id,
        name: "高速铁路运营里程",
        unit: "公里",
        baseline: "1200",
        target: "2000.5",
        targetYear: 2027,
        direction: "HIGHER",
        headline: false,
        actual: null,
        actualOn: null,
      },
    ]);

    const edited = await updateIndicator(
      null,
      form({ ...definition({ target: "2400" }), indicatorId: id, expectedVersion: 1 }),
    );
    expect(edited).toMatchObject({ ok: true, data: { indicatorVersion: 2, changed: 1 } });
    const view = await changesOfLatest();
    expect(view.history[0]!.changes).toEqual([
      { field: "indicatorTarget", kind: "text", from: "2000.5", to: "2400", subject: "高速铁路运营里程" },
    ]);

    // A form loaded before that save is refused, and writes nothing.
    const before = await state();
    const stale = await updateIndicator(
      null,
      form({ ...definition({ name: "改名" }), indicatorId: id, expectedVersion: 1 }),
    );
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect(await state()).toBe(before);

    const today = todayInChina();
    const reported = await reportIndicatorValue(null, form({ indicatorId: id, observedOn: today, actual: "1,600.25" }));
    expect(reported).toMatchObject({ ok: true, message: "indicators.saved.value" });
    h = await latestHistory();
    expect(h.actorId).toBe(editor.id);
    expect((await changesOfLatest()).history[0]!.changes).toEqual([
      {
        field: "indicatorActual",
        kind: "text",
        from: null,
        to: `1600.25 公里 @ ${today}`,
        subject: "高速铁路运营里程",
      },
    ]);
    const [x] = await queryItemIndicators(t.db, item.id, null);
    expect(x).toMatchObject({ latest: { observedOn: today, actual: "1600.25" }, completion: "33.4", version: 2 });

    // The same value for the same day again is no change: nothing written.
    const again = await state();
    expect(
      await reportIndicatorValue(null, form({ indicatorId: id, observedOn: today, actual: "1600.250" })),
    ).toMatchObject({
      ok: true,
      message: "indicators.noChange",
    });
    expect(await state()).toBe(again);

    // The database keeps reported values as reported.
    await expect(
      t.db.$executeRawUnsafe(`UPDATE indicator_values SET actual = 0 WHERE indicator_id = ${id}`),
    ).rejects.toThrow(/append-only/);
  });

  it("refuses callers without the permission and writes nothing", async () => {
    signIn(editor);
    const added = await addIndicator(null, form(definition({ name: "权限检查指标" })));
    const id = added.ok ? added.data.indicatorId : 0;
    expect(id).toBeGreaterThan(0);
    const before = await state();
    const today = todayInChina();
    const attempts: [TestAccount | null, () => Promise<unknown>, string][] = [];
    for (const who of [otherEditor, staff.viewer, staff.coordinator]) {
      attempts.push([who, () => addIndicator(null, form(definition({ name: "越权指标" }))), "forbidden"]);
      attempts.push([
        who,
        () => updateIndicator(null, form({ ...definition({ name: "越权改名" }), indicatorId: id, expectedVersion: 1 })),
        "forbidden",
      ]);
      attempts.push([who, () => removeIndicator(null, form({ indicatorId: id, expectedVersion: 1 })), "forbidden"]);
      attempts.push([
        who,
        () => reportIndicatorValue(null, form({ indicatorId: id, observedOn: today, actual: "1" })),
        "forbidden",
      ]);
    }
    // 关键指标 is for administrators only: not even the item's own editor.
    for (const who of [editor, otherEditor, staff.viewer, staff.coordinator])
      attempts.push([who, () => setIndicatorHeadline(null, form({ indicatorId: id, headline: "true" })), "forbidden"]);
    attempts.push([
      null,
      () => reportIndicatorValue(null, form({ indicatorId: id, observedOn: today, actual: "1" })),
      "unauthenticated",
    ]);
    for (const [who, call, code] of attempts) {
      if (who) signIn(who);
      else signOut();
      expect(await call(), `${who?.displayName ?? "signed out"}`).toMatchObject({ ok: false, code });
    }
    expect(await state()).toBe(before);
  });

  it("refuses bad input through the actions with nothing written", async () => {
    signIn(editor);
    const before = await state();
    const bad = await addIndicator(null, form(definition({ baseline: "1e400", target: "0.123456" })));
    expect(bad).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { baseline: ["indicators.validation.format"], target: ["indicators.validation.decimals"] },
    });
    const dup = await addIndicator(null, form(definition()));
    expect(dup).toMatchObject({ ok: false, fieldErrors: { name: ["indicators.validation.nameTaken"] } });
    const unknown = await reportIndicatorValue(
      null,
      form({ indicatorId: 2_000_000_000, observedOn: todayInChina(), actual: "1" }),
    );
    expect(unknown).toMatchObject({ ok: false, code: "not-found" });
    const text = await reportIndicatorValue(null, form({ indicatorId: 1, observedOn: "2026-02-30", actual: "很多" }));
    expect(text).toMatchObject({
      ok: false,
      fieldErrors: { observedOn: ["validation.invalidDate"], actual: ["indicators.validation.format"] },
    });
    // The database refuses a target on the wrong side even past the form.
    await expect(
      t.db.indicator.create({
        data: {
          itemId: item.id,
          name: "直写",
          unit: "个",
          baseline: "5",
          target: "5",
          targetYear: 2030,
          direction: "HIGHER",
        },
      }),
    ).rejects.toThrow();
    expect(await state()).toBe(before);
  });

  it("as of a past day: the definition then, the values reported by then; the 关键指标 card follows the mark", async () => {
    // Another item, so the moved clock's history is this test's own.
    const other = await t.db.item.findFirstOrThrow({
      where: { ...outsideUnit(-1), id: { not: item.id } },
      orderBy: { code: "desc" },
    });
    const admin = staff.admin;
    const at = (days: number) => new Date(Date.now() + days * DAY);
    const dayOf = (d: Date) => todayInChina(d);
    const write = <T>(days: number, fn: (tx: Prisma.TransactionClient) => Promise<T>) => {
      setClock(at(days));
      return t.db.$transaction(fn);
    };
    const definition = {
      name: "单位GDP能耗",
      unit: "吨标准煤/万元",
      baseline: "0.5",
      target: "0.4",
      targetYear: 2030,
      direction: "LOWER",
    } as const;
    const { indicatorId: id } = await write(10, (tx) =>
      writes.addIndicator(tx, admin, { itemId: other.id, ...definition }),
    );
    await write(11, (tx) =>
      writes.reportIndicatorValue(tx, admin, { indicatorId: id, observedOn: dayOf(at(11)), actual: "0.48" }),
    );
    await write(12, (tx) => writes.setIndicatorHeadline(tx, admin, { indicatorId: id, headline: true }));
    await write(13, (tx) =>
      writes.updateIndicator(tx, admin, { indicatorId: id, expectedVersion: 2, ...definition, target: "0.3" }),
    );
    // A correction of day 11's value, reported on day 14, and a new value for day 14.
    await write(14, (tx) =>
      writes.reportIndicatorValue(tx, admin, { indicatorId: id, observedOn: dayOf(at(11)), actual: "0.47" }),
    );
    await write(14, (tx) =>
      writes.reportIndicatorValue(tx, admin, { indicatorId: id, observedOn: dayOf(at(14)), actual: "0.45" }),
    );
    resetClock();

    const asOf = (days: number) => endOfDay(dayOf(at(days)));
    expect(await queryItemIndicators(t.db, other.id, asOf(9))).toEqual([]);
    const [d11] = await queryItemIndicators(t.db, other.id, asOf(11));
    expect(d11).toMatchObject({
      target: "0.4",
      headline: false,
      trend: [{ observedOn: dayOf(at(11)), actual: "0.48" }],
      completion: "20.0",
      version: null,
    });
    const [d13] = await queryItemIndicators(t.db, other.id, asOf(13));
    expect(d13).toMatchObject({ target: "0.3", headline: true, latest: { actual: "0.48" }, completion: "10.0" });
    const [live] = await queryItemIndicators(t.db, other.id, null);
    expect(live).toMatchObject({
      trend: [
        { observedOn: dayOf(at(11)), actual: "0.47" },
        { observedOn: dayOf(at(14)), actual: "0.45" },
      ],
      completion: "25.0",
      version: 3,
    });

    const headline = async (before: Date | null) =>
      (await queryHeadlineIndicators(t.db, before)).filter((x) => x.itemId === other.id);
    expect(await headline(asOf(11))).toEqual([]);
    expect(await headline(asOf(12))).toMatchObject([
      { id, code: other.code, latest: { actual: "0.48" }, completion: "20.0" },
    ]);
    expect(await headline(null)).toMatchObject([{ id, target: "0.3", latest: { actual: "0.45" }, completion: "25.0" }]);

    // Removed: gone live and from the card, still there as of a day it existed.
    await write(15, (tx) => writes.removeIndicator(tx, admin, { indicatorId: id, expectedVersion: 3 }));
    resetClock();
    expect(await queryItemIndicators(t.db, other.id, null)).toEqual([]);
    expect(await headline(null)).toEqual([]);
    expect(await queryItemIndicators(t.db, other.id, asOf(14))).toMatchObject([{ id, completion: "25.0" }]);
    const view = await loadItemView(t.db, other.code, { before: null });
    expect(view !== "not-yet" && view!.history[0]!.changes).toEqual([
      expect.objectContaining({ field: "indicatorRemoved", subject: "单位GDP能耗" }),
    ]);
  });

  it("moves the data version when a value is reported (the dashboard's cache follows)", async () => {
    signIn(staff.admin);
    const [x] = await t.db.indicator.findMany({ where: { itemId: item.id, removedAt: null }, take: 1 });
    const version = async () => (await t.db.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).version;
    const before = await version();
    const result = await reportIndicatorValue(
      null,
      form({ indicatorId: x!.id, observedOn: todayInChina(), actual: "-3" }),
    );
    expect(result).toMatchObject({ ok: true });
    expect(await version()).toBe(before + 1n);
    expect(await setIndicatorHeadline(null, form({ indicatorId: x!.id, headline: "true" }))).toMatchObject({
      ok: true,
    });
    expect((await queryHeadlineIndicators(t.db, null)).map((h) => h.id)).toContain(x!.id);
  });
});
