// The staff's editing actions called directly, as a form (or a forged request) would call them, against a
// real seeded database. Only the session is mocked: readSessionClaims returns a real account's claims.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVIDENCE_MAX, NOTE_MAX, PERSON_MAX, TEXT_MAX } from "../../lib/validations/item-limits";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { sampleAccount, sampleStaff, testAccount, type TestAccount as Account } from "../support/actors";
import { outsideUnit } from "../support/unit-scope";
import { signIn, signOut } from "../support/session";
import { approve } from "../../lib/writes/reports";
import { form } from "../support/form-data";

type Actions = typeof import("../../lib/actions/items") &
  typeof import("../../lib/actions/milestones") &
  typeof import("../../lib/actions/reports");
type Result = {
  ok: boolean;
  code?: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  conflict?: {
    currentVersion: number;
    changes: { field: string; from: string | null; to: string | null; by: string | null; kind: string }[];
  };
  items?: { code: string; problem: string }[];
  data?: unknown;
};

let t: TestDatabase;
let actions: Actions;
let editor: Account, otherEditor: Account, viewer: Account, admin: Account;
/** the joint office's coordinator: reviews both sides */
let coordinator: Account;
/** items led by editor's unit (not retired, actions) */
let own: { id: number; code: string }[];
/** an item outside editor's units */
let foreign: { id: number; code: string };

const as = (a: Account | null) => (a ? signIn(a) : signOut());
const versionOf = async (id: number) => (await t.db.item.findUniqueOrThrow({ where: { id } })).version;
/** Everything an editing action could write, to check that a refusal wrote nothing. */
async function fingerprint(): Promise<string> {
  const [row] = await t.db.$queryRaw<Record<string, unknown>[]>`
    SELECT (SELECT sum(version) FROM items) AS versions, (SELECT count(*) FROM item_history) AS history,
           (SELECT count(*) FROM progress_updates) AS updates, (SELECT count(*) FROM milestones) AS milestones,
           (SELECT md5(string_agg(m::text, '|' ORDER BY m.id)) FROM milestones m) AS milestones_md5,
           (SELECT count(*) FROM item_regions) AS regions, (SELECT count(*) FROM item_supporting_units) AS supporting`;
  return JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? String(v) : v));
}
async function expectNothingWritten(call: () => Promise<unknown>): Promise<Result> {
  const before = await fingerprint();
  const result = (await call()) as Result;
  expect(await fingerprint()).toBe(before);
  return result;
}
const update = (itemId: number, version: number, extra: Record<string, string> = {}) =>
  form({
    itemId,
    expectedVersion: version,
    status: "IN_PROGRESS",
    progress: "40",
    confidence: "AMBER",
    note: "本月完成可研评审",
    ...extra,
  });

/**
 * Review is on in the sample data: a posted update is a submitted report, and the item follows it once it is
 * approved. Approves the item's pending report as the administrator and answers the approval.
 */
async function approvePending(itemId: number): Promise<Result> {
  const report = await t.db.progressUpdate.findFirstOrThrow({
    where: { itemId, state: "SUBMITTED" },
    orderBy: { id: "desc" },
  });
  as(admin);
  const fd = form({ reportId: report.id, expectedRevision: report.revision });
  return (await actions.approveReport(null, fd)) as Result;
}

beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
  process.env.DATABASE_URL = t.url;
  actions = {
    ...(await import("../../lib/actions/items")),
    ...(await import("../../lib/actions/milestones")),
    ...(await import("../../lib/actions/reports")),
  };

  // An editor whose unit leads at least three open action items.
  const editors = await t.db.user.findMany({ where: { role: "EDITOR", disabled: false }, orderBy: { id: "asc" } });
  for (const e of editors) {
    const led = await t.db.item.findMany({
      where: { leadUnitId: e.unitId, retiredAt: null, level: "ACTION" },
      orderBy: { code: "asc" },
      select: { id: true, code: true },
    });
    if (led.length >= 3) {
      editor = testAccount(e);
      own = led;
      break;
    }
  }
  expect(own?.length).toBeGreaterThanOrEqual(3);
  const unitId = editor.unitId!;
  foreign = await t.db.item.findFirstOrThrow({
    where: outsideUnit(unitId),
    select: { id: true, code: true },
  });
  otherEditor = await sampleAccount(t.db, { role: "EDITOR", unitId: { not: unitId } });
  ({ viewer, admin, coordinator } = await sampleStaff(t.db));
});

afterAll(async () => {
  await t?.drop();
});

describe("posting a progress update", () => {
  it("records the update and its history in one go, and the item follows it; HTML is stored as typed", async () => {
    const item = own[0]!;
    const v = await versionOf(item.id);
    const note = '<script>alert("x")</script> 完成 <b>评审</b>';
    as(editor);
    const result = (await actions.postProgressUpdate(
      null,
      update(item.id, v, {
        status: "ON_HOLD",
        progress: "35",
        confidence: "RED",
        note,
        evidenceLinks: "https://example.com/a\n\nhttp://example.org/b",
      }),
    )) as Result;
    // Submitted for review: the item waits for the approval.
    expect(result).toMatchObject({ ok: true, data: { code: item.code, version: v, state: "SUBMITTED" } });
    expect(await versionOf(item.id)).toBe(v);
    expect(await approvePending(item.id)).toMatchObject({ ok: true, data: { version: v + 1 } });
    const after = await t.db.item.findUniqueOrThrow({ where: { id: item.id } });
    expect(after).toMatchObject({ version: v + 1, status: "ON_HOLD", progress: 35, confidence: "RED" });
    const history = await t.db.itemHistory.findFirstOrThrow({ where: { itemId: item.id, version: v + 1 } });
    expect(history).toMatchObject({ action: "PROGRESS_UPDATE", actorId: editor.id, status: "ON_HOLD", progress: 35 });
    const posted = await t.db.progressUpdate.findFirstOrThrow({ where: { itemId: item.id }, orderBy: { id: "desc" } });
    expect(posted).toMatchObject({
      authorId: editor.id,
      unitId: editor.unitId,
      note,
      evidenceLinks: ["https://example.com/a", "http://example.org/b"],
    });
  });

  it("forces 100% for a completed item", async () => {
    const item = own[1]!;
    as(editor);
    const completed = { status: "COMPLETED", progress: "60", confidence: "GREEN" };
    // 已完成 is a 销号: the one-step post is refused for want of the request and the evidence…
    expect(
      await expectNothingWritten(async () =>
        actions.postProgressUpdate(null, update(item.id, await versionOf(item.id), completed)),
      ),
    ).toMatchObject({ ok: false, code: "invalid", message: "cycle.errors.closeOut.both" });
    // …so the unit saves a draft, attaches evidence, submits it with 申请销号, and a coordinator approves it.
    const draft = (await actions.saveReportDraft(
      null,
      update(item.id, await versionOf(item.id), { ...completed, closesItem: "true" }),
    )) as Result & { data: { reportId: number; revision: number } };
    expect(draft.ok).toBe(true);
    const content = Buffer.from("%PDF-1.4 完工验收");
    await t.db.attachment.create({
      data: {
        reportId: draft.data.reportId,
        fileName: "完工验收.pdf",
        mediaType: "application/pdf",
        size: content.length,
        sha256: "a".repeat(64),
        content,
      },
    });
    const result = (await actions.postProgressUpdate(
      null,
      update(item.id, await versionOf(item.id), {
        ...completed,
        closesItem: "true",
        reportId: String(draft.data.reportId),
        expectedRevision: String(draft.data.revision),
      }),
    )) as Result;
    expect(result.ok).toBe(true);
    expect(await approvePending(item.id)).toMatchObject({ ok: true });
    expect(await t.db.item.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      status: "COMPLETED",
      progress: 100,
    });
  });

  it("refuses an editor on another unit's item (forged item id), a viewer and a signed-out caller, writing nothing", async () => {
    as(editor);
    expect(
      await expectNothingWritten(async () =>
        actions.postProgressUpdate(null, update(foreign.id, await versionOf(foreign.id))),
      ),
    ).toMatchObject({ ok: false, code: "forbidden" });
    as(viewer);
    expect(
      await expectNothingWritten(async () =>
        actions.postProgressUpdate(null, update(own[0]!.id, await versionOf(own[0]!.id))),
      ),
    ).toMatchObject({ ok: false, code: "forbidden" });
    as(null);
    expect(
      await expectNothingWritten(async () =>
        actions.postProgressUpdate(null, update(own[0]!.id, await versionOf(own[0]!.id))),
      ),
    ).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it.each([
    [{ progress: "150" }, "progress", "validation.progressRange"],
    [{ progress: "-1" }, "progress", "validation.progressRange"],
    [{ progress: "abc" }, "progress", "validation.notANumber"],
    [{ progress: "12.5" }, "progress", "validation.notAnInteger"],
    [{ note: "   " }, "note", "validation.required"],
    [{ note: "进".repeat(NOTE_MAX + 1) }, "note", "validation.tooLong"],
    [{ blockers: "阻".repeat(TEXT_MAX + 1) }, "blockers", "validation.tooLong"],
    [{ status: "DONE" }, "status", "validation.invalidChoice"],
    [{ confidence: "BLUE" }, "confidence", "validation.invalidChoice"],
    [{ evidenceLinks: "javascript:alert(1)" }, "evidenceLinks", "validation.invalidUrl"],
    [
      { evidenceLinks: Array.from({ length: EVIDENCE_MAX + 1 }, (_, i) => `https://example.org/${i}`).join("\n") },
      "evidenceLinks",
      "validation.tooMany",
    ],
  ])("answers bad input with a field error on the field and writes nothing (%#: %s)", async (extra, field, message) => {
    as(editor);
    const item = own[2]!;
    const result = await expectNothingWritten(async () =>
      actions.postProgressUpdate(null, update(item.id, await versionOf(item.id), extra)),
    );
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(result.fieldErrors?.[field]).toContain(message);
  });

  it("answers a stale version with what changed meanwhile, writes nothing, and accepts the re-applied update", async () => {
    const item = own[2]!;
    const loaded = await versionOf(item.id);
    // Someone else (the administrator) posts first, and it is approved.
    as(admin);
    expect(
      (
        (await actions.postProgressUpdate(
          null,
          update(item.id, loaded, { status: "ON_HOLD", confidence: "RED" }),
        )) as Result
      ).ok,
    ).toBe(true);
    expect(await approvePending(item.id)).toMatchObject({ ok: true });
    const adminName = (await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).displayName;

    as(editor);
    const mine = update(item.id, loaded, {
      status: "IN_PROGRESS",
      progress: "55",
      confidence: "GREEN",
      note: "编辑者的进展",
    });
    const result = await expectNothingWritten(() => actions.postProgressUpdate(null, mine));
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    expect(result.conflict?.currentVersion).toBe(loaded + 1);
    expect(result.conflict?.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "status", to: "ON_HOLD", by: adminName, kind: "status" }),
      ]),
    );

    mine.set("expectedVersion", String(result.conflict!.currentVersion));
    as(editor);
    expect(((await actions.postProgressUpdate(null, mine)) as Result).ok).toBe(true);
    expect(await approvePending(item.id)).toMatchObject({ ok: true });
    const history = await t.db.itemHistory.findMany({
      where: { itemId: item.id, version: { gt: loaded } },
      orderBy: { version: "asc" },
    });
    expect(history.map((h) => [h.actorId, h.status])).toEqual([
      [admin.id, "ON_HOLD"],
      [editor.id, "IN_PROGRESS"],
    ]);
  });
});

describe("editing an item", () => {
  const edit = async (itemId: number, extra: Record<string, string | number | (string | number)[]> = {}) => {
    const item = await t.db.item.findUniqueOrThrow({
      where: { id: itemId },
      include: { regions: true, conferences: true },
    });
    const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
    return form({
      itemId,
      expectedVersion: item.version,
      responsiblePerson: item.responsiblePerson ?? "",
      startDate: iso(item.startDate),
      dueDate: iso(item.dueDate),
      weight: String(item.weight),
      regionIds: item.regions.map((r) => r.regionId),
      conferenceIds: item.conferences.map((c) => c.conferenceId),
      ...extra,
    });
  };

  it("saves fields and links with history; a revised due date needs a reason and keeps the original", async () => {
    const item = own[0]!;
    const region = await t.db.region.findFirstOrThrow({ orderBy: { id: "asc" } });
    const conference = await t.db.conference.findFirstOrThrow({ orderBy: { id: "asc" } });
    as(editor);
    const result0 = (await actions.updateItem(
      null,
      await edit(item.id, {
        startDate: "2026-01-01",
        responsiblePerson: "王处长",
        weight: "7",
        regionIds: [region.id],
        conferenceIds: [conference.id],
      }),
    )) as Result;
    expect(result0.ok).toBe(true);
    const first = await t.db.item.findUniqueOrThrow({
      where: { id: item.id },
      include: { regions: true, conferences: true },
    });
    expect(first).toMatchObject({ responsiblePerson: "王处长", weight: 7 });
    expect(first.regions.map((r) => r.regionId)).toEqual([region.id]);
    expect(first.conferences.map((c) => c.conferenceId)).toEqual([conference.id]);
    // Give the item a due date if it has none (the first due date needs no reason and becomes the original).
    if (!first.dueDate)
      expect(((await actions.updateItem(null, await edit(item.id, { dueDate: "2027-03-31" }))) as Result).ok).toBe(
        true,
      );
    const dated = await t.db.item.findUniqueOrThrow({ where: { id: item.id } });
    const original = dated.originalDueDate!.toISOString().slice(0, 10);
    const noReason = await expectNothingWritten(async () =>
      actions.updateItem(null, await edit(item.id, { dueDate: "2027-09-30" })),
    );
    expect(noReason).toMatchObject({ code: "invalid", fieldErrors: { dueDateReason: ["validation.reasonRequired"] } });

    const result = (await actions.updateItem(
      null,
      await edit(item.id, { dueDate: "2027-09-30", dueDateReason: "征地延误" }),
    )) as Result;
    expect(result.ok).toBe(true);
    const revised = await t.db.item.findUniqueOrThrow({ where: { id: item.id } });
    expect(revised.dueDate!.toISOString().slice(0, 10)).toBe("2027-09-30");
    expect(revised.originalDueDate!.toISOString().slice(0, 10)).toBe(original);
    const h = await t.db.itemHistory.findFirstOrThrow({ where: { itemId: item.id, version: revised.version } });
    expect(h).toMatchObject({ action: "UPDATE", actorId: editor.id, reason: "征地延误", changedFields: ["dueDate"] });
  });

  it.each([
    [{ startDate: "2027-05-01", dueDate: "2027-04-01", dueDateReason: "调整" }, "dueDate", "validation.dateOrder"],
    [{ startDate: "2026-02-30" }, "startDate", "validation.invalidDate"],
    [{ startDate: "1999-12-31" }, "startDate", "validation.dateOutOfRange"],
    [{ weight: "0" }, "weight", "validation.weightRange"],
    [{ weight: "101" }, "weight", "validation.weightRange"],
    [{ regionIds: [999999] }, "regionIds", "validation.unknownId"],
    [{ conferenceIds: ["abc"] }, "conferenceIds", "validation.unknownId"],
    [{ responsiblePerson: "人".repeat(PERSON_MAX + 1) }, "responsiblePerson", "validation.tooLong"],
  ])("answers bad input with a field error on the field and writes nothing (%#: %s)", async (extra, field, message) => {
    as(editor);
    const result = await expectNothingWritten(async () => actions.updateItem(null, await edit(own[1]!.id, extra)));
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(result.fieldErrors?.[field]).toContain(message);
  });

  it("refuses unit changes from an editor, edits of another unit's item and a viewer; an administrator may assign units", async () => {
    const unit = await t.db.unit.findFirstOrThrow({ where: { id: { not: editor.unitId! } } });
    as(editor);
    expect(
      await expectNothingWritten(async () => actions.updateItem(null, await edit(own[1]!.id, { leadUnitId: unit.id }))),
    ).toMatchObject({ code: "forbidden" });
    expect(
      await expectNothingWritten(async () =>
        actions.updateItem(null, await edit(own[1]!.id, { supportingUnitIds: [unit.id], assignUnits: "1" })),
      ),
    ).toMatchObject({ code: "forbidden" });
    expect(
      await expectNothingWritten(async () => actions.updateItem(null, await edit(foreign.id, { weight: "9" }))),
    ).toMatchObject({ code: "forbidden" });
    as(viewer);
    expect(
      await expectNothingWritten(async () => actions.updateItem(null, await edit(own[1]!.id, { weight: "9" }))),
    ).toMatchObject({ code: "forbidden" });

    as(admin);
    const item = await t.db.item.findUniqueOrThrow({ where: { id: foreign.id } });
    const bad = await expectNothingWritten(async () =>
      actions.updateItem(
        null,
        await edit(foreign.id, {
          assignUnits: "1",
          leadUnitId: item.leadUnitId ?? "",
          coLeadUnitId: "",
          supportingUnitIds: [999999],
        }),
      ),
    );
    expect(bad.fieldErrors?.supportingUnitIds).toEqual(["validation.unknownId"]);
    const ok = (await actions.updateItem(
      null,
      await edit(foreign.id, {
        assignUnits: "1",
        leadUnitId: item.leadUnitId ?? "",
        coLeadUnitId: "",
        supportingUnitIds: [unit.id],
      }),
    )) as Result;
    expect(ok.ok).toBe(true);
    expect((await t.db.itemSupportingUnit.findMany({ where: { itemId: foreign.id } })).map((s) => s.unitId)).toEqual([
      unit.id,
    ]);
  });

  it("answers a stale version with the other person's change and writes nothing", async () => {
    const item = own[1]!;
    as(editor);
    const stale = await edit(item.id, { responsiblePerson: "李科长" });
    as(admin);
    expect(((await actions.updateItem(null, await edit(item.id, { weight: "42" }))) as Result).ok).toBe(true);
    as(editor);
    const result = await expectNothingWritten(() => actions.updateItem(null, stale));
    expect(result.code).toBe("conflict");
    expect(result.conflict?.changes).toEqual([expect.objectContaining({ field: "weight", to: "42" })]);
  });
});

describe("bulk status and confidence", () => {
  const bulk = async (items: { id: number }[], extra: Record<string, string>) =>
    form({ items: await Promise.all(items.map(async (i) => `${i.id}:${await versionOf(i.id)}`)), ...extra });

  /** Turns review (the deployment's setting) on or off. */
  const setReview = (on: boolean) =>
    t.db.cycleSettings.upsert({
      where: { id: 1 },
      create: { id: 1, reviewRequired: on },
      update: { reviewRequired: on },
    });
  const openReports = (itemId: number) =>
    t.db.progressUpdate.findMany({
      where: { itemId, unitId: editor.unitId, state: { in: ["DRAFT", "SUBMITTED", "RETURNED"] } },
    });
  /** Two of the unit's items that are neither 已完成 nor 暂停 and have no open report of the unit. */
  async function twoFree(skip: number[] = []): Promise<{ id: number; code: string; version: number }[]> {
    const picked: { id: number; code: string; version: number }[] = [];
    for (const i of own) {
      const item = await t.db.item.findUniqueOrThrow({ where: { id: i.id } });
      if (["COMPLETED", "ON_HOLD"].includes(item.status) || skip.includes(i.id)) continue;
      if ((await openReports(i.id)).length > 0) continue;
      picked.push({ id: i.id, code: i.code, version: item.version });
      if (picked.length === 2) break;
    }
    expect(picked).toHaveLength(2);
    return picked;
  }

  it("review on: one submitted report per item (待审核); the items change only when a coordinator approves", async () => {
    await setReview(true);
    as(editor);
    const picked = await twoFree();
    const historyBefore = await t.db.itemHistory.count();
    const before = await t.db.item.findMany({ where: { id: { in: picked.map((p) => p.id) } }, orderBy: { id: "asc" } });
    const result = (await actions.bulkUpdateItems(
      null,
      await bulk(picked, { status: "ON_HOLD", confidence: "AMBER", note: "因资金未到位暂停" }),
    )) as Result;
    expect(result).toMatchObject({ ok: true, data: { changed: 2, reviewRequired: true } });
    // Nothing reached the items: same versions, statuses, no history.
    expect(
      await t.db.item.findMany({ where: { id: { in: picked.map((p) => p.id) } }, orderBy: { id: "asc" } }),
    ).toEqual(before);
    expect(await t.db.itemHistory.count()).toBe(historyBefore);
    for (const [n, i] of picked.entries()) {
      const [report] = await openReports(i.id);
      expect(report).toMatchObject({
        state: "SUBMITTED",
        authorId: editor.id,
        status: "ON_HOLD",
        confidence: "AMBER",
        progress: before[n]!.progress ?? 0,
        note: "因资金未到位暂停",
      });
      // The coordinator (the joint office reviews both sides) approves: now the item follows.
      const step = await t.db.$transaction((tx) =>
        approve(
          tx,
          coordinator,
          { reportId: report!.id, expectedRevision: report!.revision, comment: null },
          new Date(),
        ),
      );
      expect(step.state).toBe("APPROVED");
      expect(await t.db.item.findUniqueOrThrow({ where: { id: i.id } })).toMatchObject({
        status: "ON_HOLD",
        confidence: "AMBER",
        version: i.version + 1,
      });
      expect(
        await t.db.itemHistory.findFirstOrThrow({ where: { itemId: i.id, version: i.version + 1 } }),
      ).toMatchObject({ actorId: editor.id, action: "PROGRESS_UPDATE" });
    }
  });

  it("review off: the items change at once, each through an approved report with its history row", async () => {
    await setReview(false);
    try {
      as(editor);
      const picked = await twoFree();
      const result = (await actions.bulkUpdateItems(
        null,
        await bulk(picked, { status: "ON_HOLD", confidence: "AMBER" }),
      )) as Result;
      expect(result).toMatchObject({ ok: true, data: { changed: 2, reviewRequired: false } });
      for (const i of picked) {
        expect(await t.db.item.findUniqueOrThrow({ where: { id: i.id } })).toMatchObject({
          status: "ON_HOLD",
          confidence: "AMBER",
          version: i.version + 1,
        });
        expect(
          await t.db.progressUpdate.findFirstOrThrow({ where: { itemId: i.id }, orderBy: { id: "desc" } }),
        ).toMatchObject({
          state: "APPROVED",
          authorId: editor.id,
          reviewerId: null,
          note: "由“我的事项”批量修改报送。",
        });
        expect(
          await t.db.itemHistory.findFirstOrThrow({ where: { itemId: i.id, version: i.version + 1 } }),
        ).toMatchObject({ actorId: editor.id, action: "PROGRESS_UPDATE" });
      }
    } finally {
      await setReview(true);
    }
  });

  it("review on: a bulk change to 已完成 is refused item by item (销号 needs evidence), and nothing is written", async () => {
    await setReview(true);
    as(editor);
    const picked = await twoFree();
    const result = await expectNothingWritten(async () =>
      actions.bulkUpdateItems(null, await bulk(picked, { status: "COMPLETED" })),
    );
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      message: "editing.bulk.refused.closeOut",
      items: picked.map((p) => ({ code: p.code, problem: "close-out" })),
    });
  });

  it("revises the unit's open report on an item, as the report form would, instead of adding a second", async () => {
    await setReview(true);
    as(editor);
    const [item] = await twoFree();
    expect(
      ((await actions.postProgressUpdate(null, update(item!.id, item!.version, { status: "IN_PROGRESS" }))) as Result)
        .ok,
    ).toBe(true);
    const [pending] = await openReports(item!.id);
    const count = await t.db.progressUpdate.count();
    const result = (await actions.bulkUpdateItems(null, await bulk([item!], { confidence: "RED" }))) as Result;
    expect(result).toMatchObject({ ok: true, data: { changed: 1 } });
    expect(await t.db.progressUpdate.count()).toBe(count);
    expect(await t.db.progressUpdate.findUniqueOrThrow({ where: { id: pending!.id } })).toMatchObject({
      state: "SUBMITTED",
      revision: pending!.revision + 1,
      status: "IN_PROGRESS",
      progress: 40,
      confidence: "RED",
      note: pending!.note,
    });
  });

  it("writes nothing when one selected item is another unit's, and names it", async () => {
    as(editor);
    const form = await bulk([own[0]!, foreign, own[2]!], { confidence: "RED" });
    const result = await expectNothingWritten(() => actions.bulkUpdateItems(null, form));
    expect(result).toMatchObject({
      ok: false,
      code: "forbidden",
      items: [{ code: foreign.code, problem: "forbidden" }],
    });
  });

  it("writes nothing when one selected item changed meanwhile, and names it", async () => {
    as(editor);
    const form = await bulk([own[0]!, own[2]!], { status: "IN_PROGRESS" });
    as(admin);
    expect(
      ((await actions.postProgressUpdate(null, update(own[2]!.id, await versionOf(own[2]!.id)))) as Result).ok,
    ).toBe(true);
    expect(await approvePending(own[2]!.id)).toMatchObject({ ok: true });
    as(editor);
    const result = await expectNothingWritten(() => actions.bulkUpdateItems(null, form));
    expect(result).toMatchObject({ ok: false, code: "conflict", items: [{ code: own[2]!.code, problem: "conflict" }] });
  });

  it("asks for something to change and for a selection", async () => {
    as(editor);
    expect(
      await expectNothingWritten(async () => actions.bulkUpdateItems(null, await bulk([own[0]!], {}))),
    ).toMatchObject({ code: "invalid", fieldErrors: { status: ["editing.bulk.nothingToChange"] } });
    expect(
      await expectNothingWritten(async () => actions.bulkUpdateItems(null, form({ status: "ON_HOLD" }))),
    ).toMatchObject({ code: "invalid", fieldErrors: { items: ["editing.bulk.noneSelected"] } });
    as(viewer);
    expect(
      await expectNothingWritten(async () =>
        actions.bulkUpdateItems(null, await bulk([own[0]!], { status: "ON_HOLD" })),
      ),
    ).toMatchObject({ code: "forbidden" });
  });
});

describe("milestones", () => {
  it("adds, completes and removes milestones, each recorded in the item's history", async () => {
    const item = own[0]!;
    as(editor);
    const v0 = await versionOf(item.id);
    expect(
      (
        (await actions.addMilestone(
          null,
          form({ itemId: item.id, title: "完成初步设计", plannedDate: "2027-02-28" }),
        )) as Result
      ).ok,
    ).toBe(true);
    const m = await t.db.milestone.findFirstOrThrow({ where: { itemId: item.id, title: "完成初步设计" } });
    expect(((await actions.completeMilestone(null, form({ itemId: item.id, milestoneId: m.id }))) as Result).ok).toBe(
      true,
    );
    expect((await t.db.milestone.findUniqueOrThrow({ where: { id: m.id } })).completedDate).not.toBeNull();
    expect(((await actions.removeMilestone(null, form({ itemId: item.id, milestoneId: m.id }))) as Result).ok).toBe(
      true,
    );
    expect(await t.db.milestone.findUnique({ where: { id: m.id } })).toBeNull();
    const history = await t.db.itemHistory.findMany({
      where: { itemId: item.id, version: { gt: v0 } },
      orderBy: { version: "asc" },
    });
    expect(history.map((h) => [h.action, h.changedFields, h.actorId])).toEqual([
      ["MILESTONE", ["milestones"], editor.id],
      ["MILESTONE", ["milestones"], editor.id],
      ["MILESTONE", ["milestones"], editor.id],
    ]);
  });

  it("refuses another unit's editor, a milestone of a different item, and bad input, writing nothing", async () => {
    const m = await t.db.milestone.create({
      data: { itemId: foreign.id, title: "他方里程碑", plannedDate: new Date("2027-01-31") },
    });
    as(editor);
    expect(
      await expectNothingWritten(() => actions.removeMilestone(null, form({ itemId: foreign.id, milestoneId: m.id }))),
    ).toMatchObject({ code: "forbidden" });
    // The forged pair: my item's id with the other item's milestone.
    expect(
      await expectNothingWritten(() => actions.removeMilestone(null, form({ itemId: own[0]!.id, milestoneId: m.id }))),
    ).toMatchObject({ code: "not-found" });
    const bad = await expectNothingWritten(() =>
      actions.addMilestone(null, form({ itemId: own[0]!.id, title: "", plannedDate: "2027-13-01" })),
    );
    expect(bad.fieldErrors).toEqual({ title: ["validation.required"], plannedDate: ["validation.invalidDate"] });
    as(otherEditor.unitId === editor.unitId ? viewer : otherEditor);
    expect(
      await expectNothingWritten(() =>
        actions.addMilestone(null, form({ itemId: own[0]!.id, title: "越权", plannedDate: "2027-02-28" })),
      ),
    ).toMatchObject({ code: "forbidden" });
  });
});
