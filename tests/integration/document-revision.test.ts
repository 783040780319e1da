// The document's corrections (prisma/seed/document/revisions.ts) reach a database seeded before them: on the next
// start, once, each change by the system with its history or audit row, and never over an administrator's own edit.
// The old state is made from a fresh seed by writing the old values back (the reverse of the revision).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetClock, setClock } from "../../lib/clock";
import { changeItem } from "../../lib/writes/item-change";
import { goals as documentGoals } from "../../prisma/seed/document/index";
import { documentRevision } from "../../prisma/seed/document/revisions";
import { seed } from "../../prisma/seed/run";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { form } from "../support/form-data";
import { signIn, signOut } from "../support/session";

const units = await import("../../lib/actions/admin-units");

const SC_CPPCC = "中国人民政治协商会议四川省委员会";
const CQ_CPPCC = "中国人民政治协商会议重庆市委员会";
const OPENING = documentGoals.find((g) => g.number === 4)!.sourceExcerpt;
const OLD_GOAL_4 = documentRevision.goals[0].from.sourceExcerpt;
const ADMIN_TITLE = "对外交往中心（管理员修改）";

let t: TestDatabase;
let adminId = 0;

/** Writes the document's values as they were seeded before the revision, and forgets that it was applied. */
async function revertToOldDocument(): Promise<void> {
  await t.db.$transaction(async (tx) => {
    for (const { code, from } of documentRevision.items) {
      const item = await tx.item.findUniqueOrThrow({ where: { code } });
      await changeItem(tx, item.id, { action: "UPDATE", fields: { ...from } }, { actorId: null });
    }
    await tx.goal.delete({ where: { number: 4 } });
    await tx.goal.update({ where: { number: 5 }, data: { number: 4, sourceExcerpt: OLD_GOAL_4 } });
    await tx.goal.update({ where: { number: 6 }, data: { number: 5 } });
    await tx.unit.updateMany({ where: { name: { in: [SC_CPPCC, CQ_CPPCC] } }, data: { kind: "LEGISLATURE" } });
    await tx.dataset.delete({ where: { key: documentRevision.key } });
  });
}

const title = async (code: string) =>
  t.db.item.findUniqueOrThrow({ where: { code }, select: { id: true, title: true, titleEn: true, version: true } });
const kind = async (name: string) => (await t.db.unit.findUniqueOrThrow({ where: { name } })).kind;

/** Every row the start may write, for "the second run changes nothing". */
async function fingerprint(): Promise<string> {
  const [row] = await t.db.$queryRaw<Record<string, unknown>[]>`
    SELECT (SELECT md5(string_agg(i.code || i.version || i.title || coalesce(i.title_en, ''), '|' ORDER BY i.id)) FROM items i) AS items,
           (SELECT md5(string_agg(g::text, '|' ORDER BY g.id)) FROM goals g) AS goals,
           (SELECT md5(string_agg(u.name || u.kind, '|' ORDER BY u.id)) FROM units u) AS units,
           (SELECT count(*) FROM item_history) AS history, (SELECT count(*) FROM audit_log) AS audit,
           (SELECT count(*) FROM datasets) AS datasets`;
  return JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? String(v) : v));
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  await seed(t.db, { sample: false });
  await revertToOldDocument();
  adminId = (
    await t.db.user.create({
      data: { loginName: "admin", displayName: "管理员", passwordHash: "!", role: "ADMIN" },
    })
  ).id;
});
afterAll(async () => {
  signOut();
  resetClock();
  await t.drop();
});

describe("the document's corrections on a database seeded before them", () => {
  it("starts from the old document (the state every running installation has)", async () => {
    expect((await title("4.1.7")).title).toBe("高竹新区联合出台相关政策，赋予更大的发展改革自主权");
    expect((await title("3.2.6")).title).toBe("金融服务中心");
    expect(await t.db.goal.count()).toBe(5);
    expect((await t.db.goal.findUniqueOrThrow({ where: { number: 4 } })).sourceExcerpt).toMatch(/，$/);
    expect(await kind(SC_CPPCC)).toBe("LEGISLATURE");
  });

  it("corrects every seeded value once at the next start, by the system with history, keeping the administrator's edits", async () => {
    // An administrator's own edits before the upgrade: a unit's kind (the units page) and an item's title.
    const cq = await t.db.unit.findUniqueOrThrow({ where: { name: CQ_CPPCC } });
    signIn(await t.db.user.findUniqueOrThrow({ where: { id: adminId } }));
    expect(
      await units.updateUnit(
        null,
        form({ unitId: cq.id, name: cq.name, shortName: cq.shortName ?? "", side: cq.side, kind: "OTHER" }),
      ),
    ).toMatchObject({ ok: true });
    const item327 = await title("3.2.7");
    await t.db.$transaction((tx) =>
      changeItem(
        tx,
        item327.id,
        { action: "UPDATE", expectedVersion: item327.version, fields: { title: ADMIN_TITLE } },
        { actorId: adminId },
      ),
    );
    const lastHistory = (await t.db.itemHistory.aggregate({ _max: { id: true } }))._max.id!;
    const lastAudit = (await t.db.auditLog.aggregate({ _max: { id: true } }))._max.id!;
    const versions = Object.fromEntries(
      await Promise.all(["4.1.7", "3.2.6", "3.2.7"].map(async (c) => [c, (await title(c)).version])),
    );

    // The next start.
    const at = new Date("2026-12-07T01:00:00.000Z");
    setClock(at);
    const report = await seed(t.db, { sample: true });
    // 3 items, 2 goals corrected and renumbered + 1 added, 1 unit (the other one the administrator changed).
    expect(report.documentRowsRevised).toBe(7);
    expect(report.documentItemsAdded).toBe(0);

    // Items: the corrected texts, but the administrator's title of 3.2.7 stays (its English title is corrected).
    expect(await title("4.1.7")).toMatchObject({
      title: "两省市联合出台相关政策，赋予高竹新区更大的发展改革自主权",
      titleEn: "Sichuan and Chongqing jointly issue policies giving the Gaozhu New Area greater reform autonomy",
      version: versions["4.1.7"] + 1,
    });
    expect(await title("3.2.6")).toMatchObject({
      title: "金融服务中心（高能级开放平台）",
      titleEn: "Financial services centre (a high-level opening-up platform)",
    });
    expect(await title("3.2.7")).toMatchObject({
      title: ADMIN_TITLE,
      titleEn: "International exchange centre (a high-level opening-up platform)",
    });

    // One history row per changed item: by the system, at the start's time, with the reason and the fields.
    const history = await t.db.itemHistory.findMany({
      where: { id: { gt: lastHistory } },
      include: { item: { select: { code: true } } },
      orderBy: { id: "asc" },
    });
    expect(
      history.map((h) => [h.item.code, h.version, h.actorId, h.changedAt.toISOString(), h.reason, h.changedFields]),
    ).toEqual([
      ["4.1.7", versions["4.1.7"] + 1, null, at.toISOString(), documentRevision.reason, ["title", "titleEn"]],
      ["3.2.6", versions["3.2.6"] + 1, null, at.toISOString(), documentRevision.reason, ["title", "titleEn"]],
      ["3.2.7", versions["3.2.7"] + 1, null, at.toISOString(), documentRevision.reason, ["titleEn"]],
    ]);
    const snapshot = history[0]!.snapshot as { title: string };
    expect(snapshot.title).toBe("两省市联合出台相关政策，赋予高竹新区更大的发展改革自主权");

    // Goals: exactly the document's, in text order; the opening sentence is goal 4.
    expect(
      await t.db.goal.findMany({
        orderBy: { number: "asc" },
        select: { number: true, title: true, titleEn: true, sourceExcerpt: true },
      }),
    ).toEqual(documentGoals);
    expect((await t.db.goal.findUniqueOrThrow({ where: { number: 4 } })).sourceExcerpt).toBe(OPENING);

    // Units: the 政协 the administrator left alone is CONSULTATIVE; the one they changed keeps their kind.
    expect(await kind(SC_CPPCC)).toBe("CONSULTATIVE");
    expect(await kind(CQ_CPPCC)).toBe("OTHER");

    // One audit row per change, by the system (actor null), with old → new and the reason.
    const audit = await t.db.auditLog.findMany({ where: { id: { gt: lastAudit } }, orderBy: { id: "asc" } });
    expect(audit.every((a) => a.actorId === null)).toBe(true);
    expect(audit.every((a) => (a.details as { reason?: string }).reason === documentRevision.reason)).toBe(true);
    expect(audit.every((a) => Math.abs(a.at.getTime() - Date.now()) < 10 * 60_000)).toBe(true);
    expect(audit.map((a) => [a.action, a.targetType, (a.details as { label: string }).label])).toEqual([
      ["document.revise", "item", "4.1.7"],
      ["document.revise", "item", "3.2.6"],
      ["document.revise", "item", "3.2.7"],
      ["document.revise", "goal", "推动明确为国家区域重大战略，加大支持力度"],
      ["document.revise", "goal", "加快打造中国经济增长“第四极”"],
      ["document.add", "goal", documentGoals[3]!.title],
      ["document.revise", "unit", SC_CPPCC],
    ]);
    expect((audit[3]!.details as { changes: unknown }).changes).toEqual({
      number: { from: 4, to: 5 },
      sourceExcerpt: { from: OLD_GOAL_4, to: documentGoals[4]!.sourceExcerpt },
    });
    expect((audit[6]!.details as { changes: unknown }).changes).toEqual({
      kind: { from: "LEGISLATURE", to: "CONSULTATIVE" },
    });
    expect(await t.db.dataset.findUnique({ where: { key: documentRevision.key } })).not.toBeNull();
  });

  it("changes nothing on a second start", async () => {
    const before = await fingerprint();
    setClock("2026-12-08T01:00:00.000Z");
    const report = await seed(t.db, { sample: true });
    expect(report.documentRowsRevised).toBe(0);
    expect(await fingerprint()).toBe(before);
  });

  it("never again, even over a value an administrator sets back to the old one", async () => {
    const sc = await t.db.unit.findUniqueOrThrow({ where: { name: SC_CPPCC } });
    expect(
      await units.updateUnit(
        null,
        form({ unitId: sc.id, name: sc.name, shortName: sc.shortName ?? "", side: sc.side, kind: "LEGISLATURE" }),
      ),
    ).toMatchObject({ ok: true });
    const before = await fingerprint();
    const report = await seed(t.db, { sample: false });
    expect(report.documentRowsRevised).toBe(0);
    expect(await kind(SC_CPPCC)).toBe("LEGISLATURE");
    expect(await fingerprint()).toBe(before);
  });
});
