// The portfolio as of a date, and what changed between two dates, on a small back-dated history with items
// created, retired and moved between the two moments.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparePortfolio, type ItemChange } from "../../lib/queries/compare";
import { itemStatesSql } from "../../lib/queries/as-of";
import { endOfDay } from "../../lib/dates";
import { Prisma } from "../../lib/generated/prisma/client";
import { changeItem, createItem, type ItemFields } from "../../lib/writes/item-change";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

/** A moment on a calendar day in China. */
const at = (day: string, time = "10:00") => new Date(`${day}T${time}:00+08:00`);

describe("as of a date and comparing two dates", () => {
  let t: TestDatabase;
  const ids: Record<string, number> = {};
  let pillar1: number;
  let pillar2: number;

  const create = async (
    key: string,
    code: string,
    pillarId: number,
    parent: string | null,
    day: string,
    fields: ItemFields = {},
  ) => {
    ids[key] = await t.db.$transaction((tx) =>
      createItem(
        tx,
        {
          code,
          pillarId,
          parentId: parent === null ? null : ids[parent]!,
          level: parent === null ? "RECOMMENDATION" : "ACTION",
          title: `事项 ${key}`,
          sourceExcerpt: "原文",
          ...fields,
        },
        {},
        { actorId: null, at: at(day) },
      ),
    );
  };
  const change = (
    key: string,
    when: Date,
    fields: ItemFields,
    reason?: string,
    action: "UPDATE" | "MOVE" | "RETIRE" | "PROGRESS_UPDATE" = "UPDATE",
  ) => t.db.$transaction((tx) => changeItem(tx, ids[key]!, { action, fields }, { actorId: null, at: when, reason }));

  const stateAt = async (key: string, before: Date | null) => {
    const rows = await t.db.$queryRaw<
      {
        progress: number | null;
        status: string;
        parent_id: number | null;
        pillar_id: number;
        retired: boolean;
        due_date: Date | null;
      }[]
    >(
      Prisma.sql`SELECT progress, status, parent_id, pillar_id, retired, due_date FROM ${itemStatesSql(before)} s WHERE s.id = ${ids[key]!}`,
    );
    return rows[0] ?? null;
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    pillar1 = (
      await t.db.pillar.create({
        data: { number: 1, title: "甲", titleEn: "One", theme: "t", requirement: "r", summary: "s" },
      })
    ).id;
    pillar2 = (
      await t.db.pillar.create({
        data: { number: 2, title: "乙", titleEn: "Two", theme: "t", requirement: "r", summary: "s" },
      })
    ).id;

    await create("R1", "1.1", pillar1, null, "2025-01-05");
    await create("R2", "2.1", pillar2, null, "2025-01-05");
    await create("A", "1.1.1", pillar1, "R1", "2025-01-06", {
      status: "IN_PROGRESS",
      progress: 10,
      confidence: "GREEN",
      dueDate: new Date("2025-03-01"),
      originalDueDate: new Date("2025-03-01"),
    });
    await create("B", "1.1.2", pillar1, "R1", "2025-01-06", { status: "IN_PROGRESS", progress: 50 });
    await create("D", "1.1.3", pillar1, "R1", "2025-01-06", { status: "IN_PROGRESS", progress: 20 });
    await create("M", "1.1.4", pillar1, "R1", "2025-01-06", { status: "IN_PROGRESS", progress: 80 });
    await create("E", "1.1.5", pillar1, "R1", "2025-01-06", {
      status: "IN_PROGRESS",
      progress: 30,
      dueDate: new Date("2025-03-15"),
    });
    await create("F", "2.1.1", pillar2, "R2", "2025-01-06", { status: "IN_PROGRESS", progress: 60 });
    await create("G", "2.1.2", pillar2, "R2", "2025-01-06", { status: "IN_PROGRESS", progress: 5 });

    // Late on 2025-02-10 (counts for that day), and just after midnight (counts for the next day).
    await change(
      "A",
      at("2025-02-10", "23:30"),
      { progress: 40, confidence: "RED", lastUpdateAt: at("2025-02-10", "23:30") },
      undefined,
      "PROGRESS_UPDATE",
    );
    await change("A", at("2025-02-11", "00:10"), { progress: 45 }, undefined, "PROGRESS_UPDATE");
    await change("B", at("2025-02-12"), { status: "COMPLETED", progress: 100 });
    await create("C", "1.1.6", pillar1, "R1", "2025-02-15", { status: "IN_PROGRESS", progress: 70 });
    await change("D", at("2025-02-20"), { retiredAt: at("2025-02-20") }, "合并到其他事项", "RETIRE");
    await change("M", at("2025-02-25"), { parentId: ids.R2!, pillarId: pillar2 }, "调整归口", "MOVE");
    await change("A", at("2025-02-26"), { dueDate: new Date("2025-06-30") }, "等待国家部委审批");
    await change("F", at("2025-03-02"), { status: "ON_HOLD" });
    // After the later moment: must not show up.
    await change("G", at("2025-04-02"), { progress: 90 });
  }, 60_000);
  afterAll(async () => t.drop());

  it("reconstructs the state before a change as the old value, and the live state as the new one", async () => {
    expect((await stateAt("A", endOfDay("2025-02-09")))?.progress).toBe(10);
    expect((await stateAt("A", endOfDay("2025-02-10")))?.progress).toBe(40);
    expect((await stateAt("A", endOfDay("2025-02-11")))?.progress).toBe(45);
    expect((await stateAt("A", null))?.progress).toBe(45);
    expect((await stateAt("G", endOfDay("2025-03-31")))?.progress).toBe(5);
    expect((await stateAt("G", null))?.progress).toBe(90);
  });

  it("leaves out items not yet created, keeps retired ones flagged, and places moved ones where they were", async () => {
    expect(await stateAt("C", endOfDay("2025-02-14"))).toBeNull();
    expect(await stateAt("C", endOfDay("2025-02-15"))).toMatchObject({ progress: 70 });
    expect(await stateAt("D", endOfDay("2025-02-19"))).toMatchObject({ retired: false });
    expect(await stateAt("D", endOfDay("2025-02-20"))).toMatchObject({ retired: true });
    expect(await stateAt("M", endOfDay("2025-02-24"))).toMatchObject({ parent_id: ids.R1, pillar_id: pillar1 });
    expect(await stateAt("M", endOfDay("2025-02-25"))).toMatchObject({ parent_id: ids.R2, pillar_id: pillar2 });
  });

  describe("comparePortfolio from the end of 2025-01-31 to the end of 2025-03-31", () => {
    let changes: Map<string, ItemChange>;
    const byKey = (key: string) => [...changes.values()].find((c) => c.id === ids[key]);

    beforeAll(async () => {
      const result = await comparePortfolio(t.db, endOfDay("2025-01-31"), endOfDay("2025-03-31"));
      expect(result.fromDay).toBe("2025-01-31");
      expect(result.toDay).toBe("2025-03-31");
      changes = new Map(result.changes.map((c) => [c.code, c]));
    });

    it("reports progress deltas, confidence downgrades and due-date revisions with their reasons", () => {
      const a = byKey("A")!;
      expect(a.kinds).toEqual(expect.arrayContaining(["progress", "confidence", "confidenceDowngrade", "dueDate"]));
      expect(a.progressDelta).toBe(35);
      expect(a.from).toMatchObject({ progress: 10, dueDate: "2025-03-01", confidence: "GREEN" });
      expect(a.to).toMatchObject({ progress: 45, dueDate: "2025-06-30", confidence: "RED" });
      expect(a.dueDateRevisions).toEqual([
        { at: at("2025-02-26"), from: "2025-03-01", to: "2025-06-30", reason: "等待国家部委审批" },
      ]);
      expect(a.kinds).not.toContain("overdue");
    });

    it("reports newly completed, status downgrades and newly overdue items", () => {
      expect(byKey("B")!.kinds).toEqual(expect.arrayContaining(["status", "completed", "progress"]));
      expect(byKey("F")!.kinds).toEqual(expect.arrayContaining(["status", "statusDowngrade"]));
      expect(byKey("E")!.kinds).toEqual(["overdue"]);
      expect(byKey("E")!.from!.overdue).toBe(false);
      expect(byKey("E")!.to.overdue).toBe(true);
    });

    it("reports items created, retired and moved in between", () => {
      expect(byKey("C")).toMatchObject({ from: null, progressDelta: 70 });
      expect(byKey("C")!.kinds).toContain("created");
      expect(byKey("D")!.kinds).toContain("retired");
      const m = byKey("M")!;
      expect(m.kinds).toContain("moved");
      expect(m.from).toMatchObject({ parentId: ids.R1, pillarId: pillar1 });
      expect(m.to).toMatchObject({ parentId: ids.R2, pillarId: pillar2 });
    });

    it("rolls progress up to the recommendations that changed, and leaves unchanged items out", () => {
      // R1 at 01-31: A10 B50 D20 M80 E30 → 38; at 03-31: A45 B100 E30 C70 (D retired, M moved) → 61.25
      const r1 = byKey("R1")!;
      expect(r1.from!.progress).toBeCloseTo(38, 9);
      expect(r1.to.progress).toBeCloseTo(61.25, 9);
      // G changed only after the later moment
      expect(byKey("G")).toBeUndefined();
    });

    it("filters by pillar at either moment", async () => {
      const result = await comparePortfolio(t.db, endOfDay("2025-01-31"), endOfDay("2025-03-31"), {
        pillarId: pillar2,
      });
      const keys = result.changes.map((c) => Object.entries(ids).find(([, id]) => id === c.id)![0]).sort();
      expect(keys).toEqual(["F", "M", "R2"]);
      expect(result.counts.moved).toBe(1);
    });
  });

  it("compares with now when no later moment is given, and refuses reversed moments", async () => {
    const result = await comparePortfolio(t.db, endOfDay("2025-03-31"), null);
    expect(result.changes.find((c) => c.id === ids.G)?.progressDelta).toBe(85);
    await expect(comparePortfolio(t.db, endOfDay("2025-03-31"), endOfDay("2025-01-31"))).rejects.toBeInstanceOf(
      RangeError,
    );
  });
});
