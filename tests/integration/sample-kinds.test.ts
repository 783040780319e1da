// The sample data (示例数据) reads true to each item's kind of work (prisma/seed/sample/kinds.ts): a proposal to the
// central government or a study is never built, so nothing written about one — notes, next steps, blockers,
// milestones, due-date reasons, a coordinator's comments, evidence names — speaks of 施工, 开工 or 验收. And every
// evidence link of the sample points at the reserved example domain, never at one that looks like a government's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyKind, type ItemKind } from "../../prisma/seed/sample/kinds";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

/** Words of building works: a proposal or a study that says one of them reads false. */
const CONSTRUCTION_WORDING = /施工|开工|竣工|完工|交工|验收|工程|完成投资|征地拆迁|形象进度|建成投用/;

describe("sample texts fit the kind of each item", () => {
  let t: TestDatabase;
  let kinds: Map<number, { code: string; kind: ItemKind }>;

  beforeAll(async () => {
    t = await createTestDatabase({ sample: true });
    const items = await t.db.item.findMany({
      where: { level: "ACTION" },
      select: { id: true, code: true, title: true, sourceExcerpt: true },
    });
    kinds = new Map(
      items.map((i) => [
        i.id,
        { code: i.code, kind: classifyKind({ code: i.code, title: i.title, excerpt: i.sourceExcerpt }) },
      ]),
    );
  });
  afterAll(async () => t.drop());

  /** Every text written about the item with id `itemId`, each with where it was found. */
  async function textsOf(itemId: number): Promise<{ where: string; text: string }[]> {
    const [reports, milestones, history, events] = await Promise.all([
      t.db.progressUpdate.findMany({
        where: { itemId },
        select: {
          id: true,
          note: true,
          nextSteps: true,
          blockers: true,
          reviewComment: true,
          attachments: { select: { fileName: true } },
        },
      }),
      t.db.milestone.findMany({ where: { itemId }, select: { title: true } }),
      t.db.itemHistory.findMany({ where: { itemId, reason: { not: null } }, select: { reason: true } }),
      t.db.reportEvent.findMany({ where: { itemId, comment: { not: null } }, select: { comment: true } }),
    ]);
    return [
      ...reports.flatMap((r) => [
        { where: `report ${r.id} note`, text: r.note },
        { where: `report ${r.id} next steps`, text: r.nextSteps ?? "" },
        { where: `report ${r.id} blockers`, text: r.blockers ?? "" },
        { where: `report ${r.id} review comment`, text: r.reviewComment ?? "" },
        ...r.attachments.map((a) => ({ where: `report ${r.id} evidence`, text: a.fileName })),
      ]),
      ...milestones.map((m) => ({ where: "milestone", text: m.title })),
      ...history.map((h) => ({ where: "history reason", text: h.reason! })),
      ...events.map((e) => ({ where: "report comment", text: e.comment! })),
    ];
  }

  it("classifies the items into every kind, with proposals and studies among them", () => {
    const counts = new Map<ItemKind, number>();
    for (const { kind } of kinds.values()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    expect(new Set(counts.keys())).toEqual(
      new Set(["construction", "platform", "reform", "study", "proposal", "mechanism"]),
    );
    expect(counts.get("proposal")).toBeGreaterThanOrEqual(10);
    expect(counts.get("study")).toBeGreaterThanOrEqual(2);
  });

  it("never writes construction wording or 已通过验收 about a proposal or a study", async () => {
    const misfits: string[] = [];
    let checked = 0;
    for (const [itemId, { code, kind }] of kinds) {
      if (kind !== "proposal" && kind !== "study") continue;
      for (const { where, text } of await textsOf(itemId)) {
        checked++;
        if (CONSTRUCTION_WORDING.test(text) || text.includes("已通过验收"))
          misfits.push(`${code} (${kind}) ${where}: ${text}`);
      }
    }
    // The check has something to read: these items do report, with notes, next steps and milestones.
    expect(checked).toBeGreaterThan(200);
    expect(misfits).toEqual([]);
  });

  it("writes construction wording about construction items (the pattern above can match)", async () => {
    let matches = 0;
    for (const [itemId, { kind }] of kinds) {
      if (kind !== "construction") continue;
      for (const { text } of await textsOf(itemId)) if (CONSTRUCTION_WORDING.test(text)) matches++;
    }
    expect(matches).toBeGreaterThan(10);
  });

  it("marks next steps and blockers as sample, like the notes", async () => {
    const reports = await t.db.progressUpdate.findMany({ select: { note: true, nextSteps: true, blockers: true } });
    const texts = reports.flatMap((r) => [r.note, r.nextSteps, r.blockers]).filter((x): x is string => !!x);
    expect(texts.length).toBeGreaterThan(reports.length);
    expect(texts.filter((x) => !x.endsWith("（示例）"))).toEqual([]);
  });

  it("links evidence on example.com only", async () => {
    const rows = await t.db.$queryRaw<{ link: string }[]>`
      SELECT DISTINCT unnest(evidence_links) AS link FROM progress_updates`;
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => new URL(r.link).hostname !== "example.com").map((r) => r.link)).toEqual([]);
  });
});
