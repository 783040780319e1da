// The open API's writes besides reports, against a real seeded database, their route handlers called as Next
// calls them (every answer checked against the OpenAPI document by api-client):
// - PATCH /api/v1/items/{code}: the item edit page's fields, schema and write path (lib/writes/item-edit.ts);
//   If-Match required (428), a stale one 412 with what changed (the page's describeChangesSince); a field left
//   out keeps its value; units only with item:assign-units; the page's message keys;
// - POST …/milestones/{id}/complete: the milestone list's write (lib/writes/milestones.ts), with If-Match, on the
//   day the clock says in China; Idempotency-Key;
// - POST …/attachments: the evidence upload's reader and rules (multipart, size, kind by content, duplicates, the
//   report still open), the report must be the item's; Idempotency-Key over the file's digest.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../setup/test-db";
import { sampleAccount, type TestAccount } from "../support/actors";
import { callApi } from "../support/api-client";
import { apiWorld, type ApiWorld } from "../support/api-world";
import { pdfFile, pngFile } from "../support/evidence-files";

let t: TestDatabase;
let editor: TestAccount;
let otherEditor: TestAccount;
let staff: ApiWorld["staff"];
let item: ApiWorld["item"];
let clock: ApiWorld["clock"];
let tokenFor: ApiWorld["tokenFor"];
let writeToken: string;
let readToken: string;
let adminToken: string;

const version = async (id = item.id) => (await t.db.item.findUniqueOrThrow({ where: { id } })).version;
const ifMatch = async (id = item.id) => ({ "if-match": `"${await version(id)}"` });
const keysOf = (body: Record<string, unknown>) =>
  Object.fromEntries(((body.errors ?? []) as { field: string; key: string }[]).map((e) => [e.field, e.key]));

beforeAll(async () => {
  ({ t, clock, editor, staff, item, tokenFor } = await apiWorld());
  // an editor of a unit that has no part in the item
  const scope = await t.db.item.findUniqueOrThrow({ where: { id: item.id }, include: { supportingUnits: true } });
  const involved = [scope.leadUnitId, scope.coLeadUnitId, ...scope.supportingUnits.map((s) => s.unitId)].filter(
    (id): id is number => id !== null,
  );
  otherEditor = await sampleAccount(t.db, { role: "EDITOR", unitId: { notIn: involved } });
  writeToken = await tokenFor(editor, "WRITE");
  readToken = await tokenFor(editor, "READ");
  adminToken = await tokenFor(staff.admin, "WRITE");
});

afterAll(async () => {
  clock?.resetClock();
  await t?.drop();
});

describe("PATCH /api/v1/items/{code}", () => {
  const path = () => `/api/v1/items/${item.code}`;

  it("gives the ETag to send back; needs If-Match (428) and writes nothing without it", async () => {
    const read = await callApi("GET", path(), { token: readToken });
    expect(read.headers.get("etag")).toBe(`"${await version()}"`);
    const before = await version();
    const missing = await callApi("PATCH", path(), { token: writeToken, body: { weight: 7 } });
    expect(missing.status).toBe(428);
    expect(missing.body.code).toBe("precondition-required");
    expect(await version()).toBe(before);
  });

  it("edits the fields sent and keeps the others, recording the change in the item's history", async () => {
    const before = await t.db.item.findUniqueOrThrow({
      where: { id: item.id },
      include: { regions: true, conferences: true },
    });
    const weight = before.weight === 9 ? 8 : 9;
    const answer = await callApi("PATCH", path(), {
      token: writeToken,
      body: { weight, responsiblePerson: "张三（接口）" },
      headers: await ifMatch(),
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      code: item.code,
      version: before.version + 1,
      changedFields: expect.arrayContaining(["weight", "responsiblePerson"]),
    });
    expect(answer.headers.get("etag")).toBe(`"${before.version + 1}"`);
    const after = await t.db.item.findUniqueOrThrow({
      where: { id: item.id },
      include: { regions: true, conferences: true },
    });
    expect(after).toMatchObject({ weight, responsiblePerson: "张三（接口）", startDate: before.startDate });
    expect(after.dueDate).toEqual(before.dueDate);
    expect(after.regions.map((r) => r.regionId).sort()).toEqual(before.regions.map((r) => r.regionId).sort());
    expect(after.conferences.length).toBe(before.conferences.length);
    const history = await t.db.itemHistory.findFirstOrThrow({ where: { itemId: item.id, version: after.version } });
    expect(history).toMatchObject({ action: "UPDATE", actorId: editor.id });

    // the same values again: nothing to change, nothing written
    const again = await callApi("PATCH", path(), { token: writeToken, body: { weight }, headers: await ifMatch() });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ version: after.version, changedFields: [] });
    expect(await version()).toBe(after.version);
    // null clears an optional field
    const cleared = await callApi("PATCH", path(), {
      token: writeToken,
      body: { responsiblePerson: null },
      headers: await ifMatch(),
    });
    expect(cleared.status).toBe(200);
    expect((await t.db.item.findUniqueOrThrow({ where: { id: item.id } })).responsiblePerson).toBeNull();
  });

  it("refuses a stale If-Match with 412 and what changed meanwhile, as the page's conflict message says it", async () => {
    const read = await version();
    // someone edits on the page meanwhile (the same write path)
    const { editItem } = await import("../../lib/writes/item-edit");
    const { itemEditSchema } = await import("../../lib/validations/items");
    const current = await t.db.item.findUniqueOrThrow({ where: { id: item.id }, include: { regions: true } });
    const newWeight = current.weight === 42 ? 41 : 42;
    await editItem(
      t.db,
      staff.admin,
      itemEditSchema.parse({
        itemId: String(item.id),
        expectedVersion: String(read),
        responsiblePerson: current.responsiblePerson ?? "",
        startDate: current.startDate?.toISOString().slice(0, 10) ?? "",
        dueDate: current.dueDate?.toISOString().slice(0, 10) ?? "",
        weight: String(newWeight),
        regionIds: current.regions.map((r) => String(r.regionId)),
        conferenceIds: [],
        assignUnits: false,
      }),
    );
    const stale = await callApi("PATCH", path(), {
      token: writeToken,
      body: { weight: 3 },
      headers: { "if-match": `"${read}"`, "accept-language": "en" },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe("precondition-failed");
    expect(stale.body.currentVersion).toBe(read + 1);
    expect(stale.headers.get("etag")).toBe(`"${read + 1}"`);
    expect(stale.body.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: "weight",
          from: String(current.weight),
          to: String(newWeight),
          version: read + 1,
          by: expect.any(String),
        }),
      ]),
    );
    expect((await t.db.item.findUniqueOrThrow({ where: { id: item.id } })).weight).toBe(newWeight);
    // a weak ETag or a bare number is read the same
    const weak = await callApi("PATCH", path(), {
      token: writeToken,
      body: { weight: newWeight },
      headers: { "if-match": `W/"${read + 1}"` },
    });
    expect(weak.status).toBe(200);
  });

  it("refuses bad values with the item form's message keys, and writes nothing", async () => {
    const before = await version();
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ weight: 0 }, { weight: "validation.weightRange" }],
      [{ weight: 2.5 }, { weight: "validation.notAnInteger" }],
      [{ weight: "5" }, { weight: "api.validation.wrongType" }],
      [{ startDate: "2027-02-30" }, { startDate: "validation.invalidDate" }],
      [{ dueDate: "1999-12-31" }, { dueDate: "validation.dateOutOfRange" }],
      [{ startDate: "2027-06-30", dueDate: "2027-01-01" }, { dueDate: "validation.dateOrder" }],
      [{ responsiblePerson: "人".repeat(101) }, { responsiblePerson: "validation.tooLong" }],
      [{ regionIds: [2_000_000_000] }, { regionIds: "validation.unknownId" }],
      [{ regionIds: [0] }, { regionIds: "validation.unknownId" }],
      [{ version: 3 }, { version: "api.validation.unknownField" }],
    ];
    for (const [body, keys] of cases) {
      const answer = await callApi("PATCH", path(), { token: writeToken, body, headers: await ifMatch() });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(keysOf(answer.body), JSON.stringify(body)).toEqual(keys);
    }
    // a field named like a prototype is an unknown field like any other (it used to answer 503)
    const proto = await callApi("PATCH", path(), {
      token: writeToken,
      rawBody: '{"weight":7,"__proto__":"<script>"}',
      headers: { "content-type": "application/json", ...(await ifMatch()) },
    });
    expect(proto.status).toBe(400);
    expect(proto.body.errors).toEqual([
      expect.objectContaining({ field: "__proto__", key: "api.validation.unknownField" }),
    ]);
    // a due date already set changes only with a reason (调整原因), as on the page
    const current = await t.db.item.findUniqueOrThrow({ where: { id: item.id } });
    if (current.dueDate) {
      const moved = await callApi("PATCH", path(), {
        token: writeToken,
        body: { dueDate: "2030-12-31" },
        headers: await ifMatch(),
      });
      expect(moved.status).toBe(400);
      expect(keysOf(moved.body)).toEqual({ dueDateReason: "validation.reasonRequired" });
    }
    expect(await version()).toBe(before);
    if (current.dueDate) {
      const withReason = await callApi("PATCH", path(), {
        token: writeToken,
        body: { dueDate: "2030-12-31", dueDateReason: "国家批复延后" },
        headers: await ifMatch(),
      });
      expect(withReason.status).toBe(200);
      const after = await t.db.item.findUniqueOrThrow({ where: { id: item.id } });
      expect(after.dueDate).toEqual(new Date("2030-12-31T00:00:00Z"));
      expect(after.originalDueDate).not.toBeNull();
      const history = await t.db.itemHistory.findFirstOrThrow({ where: { itemId: item.id, version: after.version } });
      expect(history.reason).toBe("国家批复延后");
    }
  });

  it("follows the permission table: units only for administrators, another unit's item refused, read-only refused", async () => {
    const unit = await t.db.unit.findFirstOrThrow({ where: { id: { notIn: [editor.unitId!, otherEditor.unitId!] } } });
    const before = await version();
    const units = await callApi("PATCH", path(), {
      token: writeToken,
      body: { leadUnitId: unit.id },
      headers: await ifMatch(),
    });
    expect(units.status).toBe(403);
    const readOnly = await callApi("PATCH", path(), {
      token: readToken,
      body: { weight: 5 },
      headers: await ifMatch(),
    });
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.code).toBe("read-only-token");
    const other = await callApi("PATCH", path(), {
      token: await tokenFor(otherEditor, "WRITE"),
      body: { weight: 5 },
      headers: await ifMatch(),
    });
    expect(other.status).toBe(403);
    const viewer = await callApi("PATCH", path(), {
      token: await tokenFor(staff.viewer, "WRITE"),
      body: { weight: 5 },
      headers: await ifMatch(),
    });
    expect(viewer.status).toBe(403);
    expect(await version()).toBe(before);
    const missing = await callApi("PATCH", "/api/v1/items/99.99.99", {
      token: writeToken,
      body: { weight: 5 },
      headers: { "if-match": '"1"' },
    });
    expect(missing.status).toBe(404);

    // an administrator assigns the supporting units; the lead unit, not sent, stays
    const lead = (await t.db.item.findUniqueOrThrow({ where: { id: item.id } })).leadUnitId;
    const assigned = await callApi("PATCH", path(), {
      token: adminToken,
      body: { supportingUnitIds: [unit.id] },
      headers: await ifMatch(),
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.changedFields).toEqual(["supportingUnitIds"]);
    const after = await t.db.item.findUniqueOrThrow({ where: { id: item.id }, include: { supportingUnits: true } });
    expect(after.leadUnitId).toBe(lead);
    expect(after.supportingUnits.map((s) => s.unitId)).toEqual([unit.id]);
    const unknownUnit = await callApi("PATCH", path(), {
      token: adminToken,
      body: { leadUnitId: 2_000_000_000 },
      headers: await ifMatch(),
    });
    expect(unknownUnit.status).toBe(400);
    expect(keysOf(unknownUnit.body)).toEqual({ leadUnitId: "validation.unknownId" });
  });
});

describe("POST /api/v1/items/{code}/milestones/{id}/complete", () => {
  let milestone: { id: number };
  beforeAll(async () => {
    milestone = await t.db.milestone.create({
      data: { itemId: item.id, title: "接口里程碑", plannedDate: new Date("2027-03-31T00:00:00Z"), sortOrder: 99 },
    });
  });
  const path = (id = milestone.id) => `/api/v1/items/${item.code}/milestones/${id}/complete`;

  it("needs If-Match, refuses a stale one with what changed, and completes on today's date in China", async () => {
    expect((await callApi("POST", path(), { token: writeToken })).status).toBe(428);
    const current = await version();
    const stale = await callApi("POST", path(), { token: writeToken, headers: { "if-match": `"${current - 1}"` } });
    expect(stale.status).toBe(412);
    expect(stale.body.currentVersion).toBe(current);
    expect((await t.db.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).completedDate).toBeNull();

    // 23:30 on 31 Dec 2026 UTC is already 1 Jan 2027 in China
    clock.setClock("2026-12-31T23:30:00Z");
    try {
      const key = `ms-${milestone.id}`;
      const send = async (v: number) =>
        callApi("POST", path(), { token: writeToken, headers: { "if-match": `"${v}"`, "idempotency-key": key } });
      const done = await send(current);
      expect(done.status).toBe(200);
      expect(done.body).toEqual({
        code: item.code,
        version: current + 1,
        milestone: { id: milestone.id, title: "接口里程碑", plannedDate: "2027-03-31", completedDate: "2027-01-01" },
      });
      expect(done.headers.get("etag")).toBe(`"${current + 1}"`);
      // a retry with the same key gets the same answer and writes nothing more
      const retry = await send(current);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(done.body);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(await version()).toBe(current + 1);
      const history = await t.db.itemHistory.findFirstOrThrow({ where: { itemId: item.id, version: current + 1 } });
      expect(history).toMatchObject({ action: "MILESTONE", actorId: editor.id });
    } finally {
      clock.resetClock();
    }
  });

  it("answers 404 for another item's milestone or none, 403 for a read-only token or another unit, and writes nothing", async () => {
    const foreignItem = await t.db.item.findFirstOrThrow({ where: { id: { not: item.id }, level: "ACTION" } });
    const foreign = await t.db.milestone.create({
      data: { itemId: foreignItem.id, title: "别的事项", plannedDate: new Date("2027-03-31T00:00:00Z") },
    });
    const before = await version();
    for (const id of [foreign.id, 2_000_000_000]) {
      const answer = await callApi("POST", path(id), { token: writeToken, headers: await ifMatch() });
      expect(answer.status).toBe(404);
    }
    expect((await callApi("POST", path("abc" as never), { token: writeToken, headers: await ifMatch() })).status).toBe(
      404,
    );
    const readOnly = await callApi("POST", path(), { token: readToken, headers: await ifMatch() });
    expect(readOnly.status).toBe(403);
    const other = await callApi("POST", path(), {
      token: await tokenFor(otherEditor, "WRITE"),
      headers: await ifMatch(),
    });
    expect(other.status).toBe(403);
    expect(await version()).toBe(before);
    expect((await t.db.milestone.findUniqueOrThrow({ where: { id: foreign.id } })).completedDate).toBeNull();
  });
});

describe("POST /api/v1/items/{code}/attachments", () => {
  let reportId: number;
  const path = (code = item.code) => `/api/v1/items/${code}/attachments`;
  const form = (bytes: Buffer, name: string, report: number | string = reportId) => {
    const f = new FormData();
    f.set("reportId", String(report));
    f.set("file", new File([new Uint8Array(bytes)], name));
    return f;
  };

  beforeAll(async () => {
    const submitted = await callApi("POST", `/api/v1/items/${item.code}/reports`, {
      token: writeToken,
      body: { status: "IN_PROGRESS", progress: 55, confidence: "GREEN", note: "附件测试报送" },
      headers: await ifMatch(),
    });
    expect(submitted.status).toBe(201);
    reportId = submitted.body.reportId as number;
  });

  it("stores a file on the item's report; a retry with the same key writes once, another file with it → 422", async () => {
    const before = await version();
    const key = `upload-${reportId}`;
    const first = await callApi("POST", path(), {
      token: writeToken,
      form: form(pdfFile("会议纪要"), "会议纪要.pdf"),
      headers: { "idempotency-key": key },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ reportId, fileName: "会议纪要.pdf", mediaType: "application/pdf" });
    // proxy.ts does not run for this path: the route sets the security headers itself
    expect(first.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    const stored = await t.db.attachment.findUniqueOrThrow({ where: { id: first.body.id as number } });
    expect(stored).toMatchObject({ reportId, uploadedById: editor.id, size: pdfFile("会议纪要").length });
    const retry = await callApi("POST", path(), {
      token: writeToken,
      form: form(pdfFile("会议纪要"), "会议纪要.pdf"),
      headers: { "idempotency-key": key },
    });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    const other = await callApi("POST", path(), {
      token: writeToken,
      form: form(pdfFile("另一份"), "另一份.pdf"),
      headers: { "idempotency-key": key },
    });
    expect(other.status).toBe(422);
    expect(await t.db.attachment.count({ where: { reportId } })).toBe(1);
    // the same file again without a key: the page's duplicate rule
    const duplicate = await callApi("POST", path(), {
      token: writeToken,
      form: form(pdfFile("会议纪要"), "副本.pdf"),
      headers: { "accept-language": "en" },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.detail).toContain("会议纪要.pdf");
    // evidence does not change the item
    expect(await version()).toBe(before);
  });

  it("refuses what the page's upload refuses, with its message keys, and stores nothing", async () => {
    const before = await t.db.attachment.count();
    const mismatch = await callApi("POST", path(), {
      token: writeToken,
      form: form(pdfFile(), "照片.png"),
      headers: { "accept-language": "en" },
    });
    expect(mismatch.status).toBe(415);
    expect(mismatch.body.detail).toContain("PDF document");
    const empty = await callApi("POST", path(), { token: writeToken, form: form(Buffer.alloc(0), "空.pdf") });
    expect(empty.status).toBe(400);
    expect(keysOf(empty.body)).toEqual({ file: "evidence.errors.empty" });
    const badName = await callApi("POST", path(), { token: writeToken, form: form(pngFile(), "../etc/a.png") });
    expect(badName.status).toBe(400);
    expect(keysOf(badName.body)).toEqual({ file: "evidence.errors.namePath" });
    const noReport = new FormData();
    noReport.set("file", new File([new Uint8Array(pngFile())], "a.png"));
    const missingReport = await callApi("POST", path(), { token: writeToken, form: noReport });
    expect(missingReport.status).toBe(400);
    expect(keysOf(missingReport.body)).toEqual({ reportId: "validation.required" });
    const noFile = new FormData();
    noFile.set("reportId", String(reportId));
    const missingFile = await callApi("POST", path(), { token: writeToken, form: noFile });
    expect(missingFile.status).toBe(400);
    expect(keysOf(missingFile.body)).toEqual({ file: "evidence.errors.noFile" });
    const json = await callApi("POST", path(), { token: writeToken, body: { reportId, file: "x" } });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe("unsupported-media-type");
    const tooLarge = await callApi("POST", path(), {
      token: writeToken,
      form: form(Buffer.concat([pdfFile(), Buffer.alloc(21 * 1024 * 1024)]), "大文件.pdf"),
    });
    expect(tooLarge.status).toBe(413);
    // another item's report, and a report that does not exist: not found here
    const elsewhere = await t.db.progressUpdate.findFirstOrThrow({ where: { itemId: { not: item.id } } });
    for (const report of [elsewhere.id, 2_000_000_000]) {
      const answer = await callApi("POST", path(), { token: writeToken, form: form(pngFile(), "a.png", report) });
      expect(answer.status).toBe(404);
    }
    // no item with this code
    expect((await callApi("POST", path("98.98"), { token: writeToken, form: form(pngFile(), "a.png") })).status).toBe(
      404,
    );
    expect(await t.db.attachment.count()).toBe(before);
  });

  it("follows the permission table: read-only token, viewer and another unit's editor are refused", async () => {
    const before = await t.db.attachment.count();
    const readOnly = await callApi("POST", path(), { token: readToken, form: form(pngFile(), "a.png") });
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.code).toBe("read-only-token");
    // refused before the upload was read: the connection closes after the answer, which carries the headers too
    expect(readOnly.headers.get("connection")).toBe("close");
    expect(readOnly.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    for (const actor of [staff.viewer, otherEditor]) {
      const answer = await callApi("POST", path(), {
        token: await tokenFor(actor, "WRITE"),
        form: form(pngFile(), "a.png"),
      });
      expect(answer.status).toBe(403);
    }
    expect(await t.db.attachment.count()).toBe(before);
  });
});
