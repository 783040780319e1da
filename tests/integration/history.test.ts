import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeItem, createItem, ItemNotFoundError, VersionConflictError } from "../../lib/writes/item-change";
import { recordProgressUpdate } from "../../lib/writes/progress-update";
import { readSnapshot } from "../../lib/writes/snapshot";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

describe("item changes and their history", () => {
  let t: TestDatabase;
  let pillarId: number;
  let unitA: number;
  let unitB: number;

  const newItem = (code: string) =>
    t.db.$transaction((tx) =>
      createItem(
        tx,
        { code, pillarId, level: "ACTION", title: `事项 ${code}`, sourceExcerpt: "原文" },
        {},
        { actorId: null },
      ),
    );
  const historyOf = (itemId: number) => t.db.itemHistory.findMany({ where: { itemId }, orderBy: { version: "asc" } });

  beforeAll(async () => {
    t = await createTestDatabase();
    pillarId = (
      await t.db.pillar.create({
        data: { number: 1, title: "优化空间格局", titleEn: "Space", theme: "t", requirement: "r", summary: "s" },
      })
    ).id;
    unitA = (await t.db.unit.create({ data: { name: "甲单位", side: "SICHUAN", kind: "DEPARTMENT" } })).id;
    unitB = (await t.db.unit.create({ data: { name: "乙单位", side: "CHONGQING", kind: "DEPARTMENT" } })).id;
  });
  afterAll(async () => t.drop());

  it("creates an item at version 1 with a CREATE history row holding its full state", async () => {
    const id = await newItem("9.1.1");
    const [h] = await historyOf(id);
    expect(h).toMatchObject({ version: 1, action: "CREATE", status: "NOT_ASSESSED", progress: null, retired: false });
    const current = await t.db.$transaction((tx) => readSnapshot(tx, id));
    expect(h!.snapshot).toEqual(current!.snapshot);
  });

  it("writes the change, the version bump and the history row together, naming the changed fields", async () => {
    const id = await newItem("9.1.2");
    const result = await t.db.$transaction((tx) =>
      changeItem(
        tx,
        id,
        {
          action: "UPDATE",
          expectedVersion: 1,
          fields: { status: "IN_PROGRESS", progress: 40, dueDate: new Date("2027-06-30") },
          links: { supportingUnitIds: [unitB, unitA] },
        },
        { actorId: null, reason: "年度计划" },
      ),
    );
    expect(result).toEqual({ version: 2, changedFields: ["supportingUnitIds", "status", "progress", "dueDate"] });
    const item = await t.db.item.findUniqueOrThrow({ where: { id } });
    expect(item).toMatchObject({ version: 2, status: "IN_PROGRESS", progress: 40 });
    const history = await historyOf(id);
    expect(history.map((h) => h.version)).toEqual([1, 2]);
    expect(history[1]).toMatchObject({ action: "UPDATE", reason: "年度计划", status: "IN_PROGRESS", progress: 40 });
    expect(history[1]!.dueDate?.toISOString().slice(0, 10)).toBe("2027-06-30");
    expect((history[1]!.snapshot as { supportingUnitIds: number[] }).supportingUnitIds).toEqual(
      [unitA, unitB].sort((a, b) => a - b),
    );
  });

  it("writes nothing for a change that changes nothing", async () => {
    const id = await newItem("9.1.3");
    const result = await t.db.$transaction((tx) =>
      changeItem(tx, id, { action: "UPDATE", fields: { title: "事项 9.1.3" } }, { actorId: null }),
    );
    expect(result).toEqual({ version: 1, changedFields: [] });
    expect(await historyOf(id)).toHaveLength(1);
  });

  it("rewrites only the link sets that changed: an edit re-sending the same regions leaves their rows alone", async () => {
    const id = await newItem("9.4.1");
    const regions = await Promise.all(
      ["甲区", "乙区", "丙区"].map((name) => t.db.region.create({ data: { name, side: "SICHUAN", kind: "CITY" } })),
    );
    const [r1, r2, r3] = regions.map((r) => r.id) as [number, number, number];
    const edit = (fields: { responsiblePerson: string }, regionIds: number[], supportingUnitIds: number[]) =>
      t.db.$transaction((tx) =>
        changeItem(tx, id, { action: "UPDATE", fields, links: { regionIds, supportingUnitIds } }, { actorId: null }),
      );
    // xmin: the transaction that wrote each row, which a delete-and-insert of the same rows would change.
    const rowsOf = async () => ({
      regions: await t.db.$queryRaw<{ region_id: number; xmin: string }[]>`
        SELECT region_id, xmin::text FROM item_regions WHERE item_id = ${id} ORDER BY region_id`,
      units: await t.db.$queryRaw<{ unit_id: number; xmin: string }[]>`
        SELECT unit_id, xmin::text FROM item_supporting_units WHERE item_id = ${id} ORDER BY unit_id`,
    });

    await edit({ responsiblePerson: "张三" }, [r2, r1], [unitA]);
    const first = await rowsOf();
    expect(first.regions.map((r) => r.region_id)).toEqual([r1, r2]);

    // The same sets in another order, with a duplicate: only the field changes.
    const same = await edit({ responsiblePerson: "李四" }, [r1, r2, r1], [unitA]);
    expect(same.changedFields).toEqual(["responsiblePerson"]);
    expect(await rowsOf()).toEqual(first);

    // A changed region set is written; the unchanged unit set is not.
    const moved = await edit({ responsiblePerson: "李四" }, [r3], [unitA]);
    expect(moved.changedFields).toEqual(["regionIds"]);
    const after = await rowsOf();
    expect(after.regions.map((r) => r.region_id)).toEqual([r3]);
    expect(after.units).toEqual(first.units);
    const last = (await historyOf(id)).at(-1)!;
    expect((last.snapshot as { regionIds: number[] }).regionIds).toEqual([r3]);
  });

  it("refuses a save based on an old version and writes nothing", async () => {
    const id = await newItem("9.1.4");
    await t.db.$transaction((tx) =>
      changeItem(tx, id, { action: "UPDATE", expectedVersion: 1, fields: { progress: 10 } }, { actorId: null }),
    );
    await expect(
      t.db.$transaction((tx) =>
        changeItem(tx, id, { action: "UPDATE", expectedVersion: 1, fields: { progress: 99 } }, { actorId: null }),
      ),
    ).rejects.toBeInstanceOf(VersionConflictError);
    expect(await t.db.item.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 2, progress: 10 });
    expect(await historyOf(id)).toHaveLength(2);
  });

  it("lets exactly one of two concurrent saves of the same version through", async () => {
    const id = await newItem("9.1.5");
    const save = (progress: number) =>
      t.db.$transaction((tx) =>
        changeItem(tx, id, { action: "UPDATE", expectedVersion: 1, fields: { progress } }, { actorId: null }),
      );
    const results = await Promise.allSettled([save(30), save(70)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
    const history = await historyOf(id);
    expect(history).toHaveLength(2);
    expect((await t.db.item.findUniqueOrThrow({ where: { id } })).progress).toBe(history[1]!.progress);
  });

  it("leaves neither the change nor its history when the transaction fails afterwards", async () => {
    const id = await newItem("9.1.6");
    await expect(
      t.db.$transaction(async (tx) => {
        await changeItem(
          tx,
          id,
          { action: "UPDATE", fields: { status: "IN_PROGRESS", progress: 50 } },
          { actorId: null },
        );
        throw new Error("something later in the same request failed");
      }),
    ).rejects.toThrow("something later");
    expect(await t.db.item.findUniqueOrThrow({ where: { id } })).toMatchObject({
      version: 1,
      status: "NOT_ASSESSED",
      progress: null,
    });
    expect(await historyOf(id)).toHaveLength(1);
  });

  it("leaves neither when the database rejects the change (progress out of range)", async () => {
    const id = await newItem("9.1.7");
    await expect(
      t.db.$transaction((tx) => changeItem(tx, id, { action: "UPDATE", fields: { progress: 150 } }, { actorId: null })),
    ).rejects.toThrow();
    expect(await t.db.item.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 1, progress: null });
    expect(await historyOf(id)).toHaveLength(1);
  });

  it("refuses an item change that bypasses the history, at the database", async () => {
    const id = await newItem("9.1.8");
    // No version bump: refused at once.
    await expect(t.db.$executeRawUnsafe(`UPDATE items SET progress = 5 WHERE id = ${id}`)).rejects.toThrow(
      /must set version/,
    );
    // Version bumped but no history row: refused at commit.
    await expect(
      t.db.$executeRawUnsafe(`UPDATE items SET progress = 5, version = version + 1 WHERE id = ${id}`),
    ).rejects.toThrow(/without an item_history row/);
    expect(await t.db.item.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 1, progress: null });
  });

  it("never lets history be rewritten or removed", async () => {
    const id = await newItem("9.1.9");
    await expect(t.db.$executeRawUnsafe(`UPDATE item_history SET progress = 1 WHERE item_id = ${id}`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.$executeRawUnsafe(`DELETE FROM item_history WHERE item_id = ${id}`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.$executeRawUnsafe(`TRUNCATE item_history CASCADE`)).rejects.toThrow(/append-only/);
    expect(await historyOf(id)).toHaveLength(1);
  });

  it("records a milestone change as an item change", async () => {
    const id = await newItem("9.1.10");
    await t.db.$transaction((tx) =>
      changeItem(
        tx,
        id,
        {
          action: "MILESTONE",
          mutate: async (m) =>
            void (await m.milestone.create({
              data: { itemId: id, title: "完成可研", plannedDate: new Date("2027-03-31") },
            })),
        },
        { actorId: null },
      ),
    );
    const history = await historyOf(id);
    expect(history[1]).toMatchObject({ version: 2, action: "MILESTONE", changedFields: ["milestones"] });
    const [milestone] = await t.db.milestone.findMany({ where: { itemId: id } });
    expect((history[1]!.snapshot as { milestones: unknown }).milestones).toEqual([
      { id: milestone!.id, title: "完成可研", plannedDate: "2027-03-31", completedDate: null },
    ]);
    // A change of the item's own columns records its new state without reading its links again: the same state
    // a fresh read gives.
    await t.db.$transaction((tx) =>
      changeItem(tx, id, { action: "UPDATE", fields: { status: "IN_PROGRESS", progress: 30 } }, { actorId: null }),
    );
    const latest = (await historyOf(id)).at(-1)!;
    expect(latest).toMatchObject({ version: 3, changedFields: ["status", "progress"] });
    expect(latest.snapshot).toEqual((await t.db.$transaction((tx) => readSnapshot(tx, id)))!.snapshot);
  });

  it("posts a progress update that sets the item's status, progress and confidence (已完成 → 100)", async () => {
    const id = await newItem("9.1.11");
    const result = await t.db.$transaction((tx) =>
      recordProgressUpdate(
        tx,
        {
          itemId: id,
          authorId: null,
          unitId: unitA,
          status: "COMPLETED",
          progress: 80,
          confidence: "GREEN",
          note: "<b>已通车</b>",
        },
        { actorId: null },
      ),
    );
    expect(result.version).toBe(2);
    const update = await t.db.progressUpdate.findUniqueOrThrow({ where: { id: result.updateId } });
    expect(update).toMatchObject({ progress: 100, status: "COMPLETED", note: "<b>已通车</b>" });
    expect(await t.db.item.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "COMPLETED",
      progress: 100,
      confidence: "GREEN",
    });
    expect((await historyOf(id))[1]).toMatchObject({ action: "PROGRESS_UPDATE", progress: 100, status: "COMPLETED" });
  });

  it("says clearly when the item does not exist", async () => {
    await expect(
      t.db.$transaction((tx) =>
        changeItem(tx, 987654, { action: "UPDATE", fields: { progress: 1 } }, { actorId: null }),
      ),
    ).rejects.toBeInstanceOf(ItemNotFoundError);
  });
});
