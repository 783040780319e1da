// Evidence files (佐证材料) against a real seeded database: the writes (lib/writes/attachments.ts) with their
// limits, the report states in which a unit may still change its evidence, who may; the remove action; and the
// two route handlers called as Next calls them (only the session and the locale cookie are mocked) — every bad
// upload answered with a 4xx JSON message and nothing stored, the download's headers.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ReportState } from "../../lib/generated/prisma/client";
import { changeItem } from "../../lib/writes/item-change";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import type { Prisma } from "../../lib/prisma-client";
import { sampleAccount, sampleStaff, type TestAccount as Account } from "../support/actors";
import * as files from "../support/evidence-files";
import { signIn, signOut } from "../support/session";
import { outsideUnit } from "../support/unit-scope";

vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

type Writes = typeof import("../../lib/writes/attachments");
type UploadRoute = typeof import("../../app/api/evidence/route");
type DownloadRoute = typeof import("../../app/api/evidence/[id]/route");
type Actions = typeof import("../../lib/actions/evidence");

let t: TestDatabase;
let writes: Writes, upload: UploadRoute, download: DownloadRoute, actions: Actions;
let editor: Account, otherEditor: Account;
let supportingEditor: Account | null;
let viewer: Account, admin: Account, coordinator: Account;
let item: { id: number; leadUnitId: number };

const MB = 1024 * 1024;
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A report of the item by the editor's unit, in `state`. */
async function report(state: ReportState = "DRAFT", itemId = item.id, unitId = item.leadUnitId): Promise<number> {
  const row = await t.db.progressUpdate.create({
    data: {
      itemId,
      authorId: editor.id,
      unitId,
      status: "IN_PROGRESS",
      progress: 50,
      confidence: "GREEN",
      note: "佐证测试报告",
      state,
    },
  });
  return row.id;
}

/** A PDF of about `size` bytes, distinct per `tag` (so no two are the same file). */
function pdfOf(size: number, tag: string): Buffer {
  const head = files.pdfFile(tag);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)]);
}

const add = (input: { reportId: number; fileName: string; bytes: Uint8Array; uploadedById: number }) =>
  t.db.$transaction((tx) => writes.addAttachment(tx, input));

/** What a refused write could have changed. */
async function fingerprint(): Promise<string> {
  const [row] = await t.db.$queryRaw<{ n: bigint; h: string | null }[]>`
    SELECT count(*) AS n, md5(string_agg(id || ':' || sha256 || ':' || report_id, ',' ORDER BY id)) AS h FROM attachments`;
  return `${row!.n}:${row!.h}`;
}

async function refusedWithNothingStored(
  call: () => Promise<unknown>,
): Promise<InstanceType<Writes["EvidenceRefusal"]>> {
  const before = await fingerprint();
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(await fingerprint()).toBe(before);
  expect(error, "the write was refused").toBeInstanceOf(Error);
  return error as InstanceType<Writes["EvidenceRefusal"]>;
}

beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
  process.env.DATABASE_URL = t.url;
  writes = await import("../../lib/writes/attachments");
  upload = await import("../../app/api/evidence/route");
  download = await import("../../app/api/evidence/[id]/route");
  actions = await import("../../lib/actions/evidence");
  const account = (where: Prisma.UserWhereInput) => sampleAccount(t.db, where);
  editor = await account({ role: "EDITOR", loginName: "sc.fgw" });
  const target = await t.db.item.findFirstOrThrow({
    where: { level: "ACTION", retiredAt: null, leadUnitId: editor.unitId },
    include: { supportingUnits: true },
    orderBy: { code: "asc" },
  });
  item = { id: target.id, leadUnitId: target.leadUnitId! };
  const outside = await t.db.item.findFirstOrThrow({ where: outsideUnit(editor.unitId!) });
  otherEditor = await account({
    role: "EDITOR",
    unitId: { notIn: [target.leadUnitId!, target.coLeadUnitId ?? -1, ...target.supportingUnits.map((s) => s.unitId)] },
  });
  expect(outside.id).not.toBe(item.id);
  const supportingUnit = target.supportingUnits[0]?.unitId;
  supportingEditor = supportingUnit
    ? await account({ role: "EDITOR", unitId: supportingUnit }).catch(() => null)
    : null;
  ({ viewer, admin, coordinator } = await sampleStaff(t.db));
});

afterAll(async () => {
  await t?.drop();
});

describe("addAttachment", () => {
  it("stores the bytes, their sha256, the media type decided from the content and the NFC name", async () => {
    const reportId = await report();
    const bytes = await files.docxFile();
    // "é" composed by hand (macOS) is stored as one character.
    const stored = await add({
      reportId,
      fileName: " 会议纪要 re\u0301sume\u0301.docx",
      bytes,
      uploadedById: editor.id,
    });
    expect(stored).toMatchObject({
      reportId,
      fileName: "会议纪要 r\u00e9sum\u00e9.docx",
      kind: "docx",
      mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      size: bytes.length,
      sha256: sha(bytes),
    });
    const row = await t.db.attachment.findUniqueOrThrow({ where: { id: stored.id } });
    expect(Buffer.from(row.content).equals(bytes)).toBe(true);
    expect(row.uploadedById).toBe(editor.id);
    expect(await t.db.$transaction((tx) => writes.countAttachments(tx, reportId))).toBe(1);
  });

  it("accepts a report still open to its unit (draft, submitted, returned) and refuses a decided or withdrawn one", async () => {
    for (const state of ["DRAFT", "SUBMITTED", "RETURNED"] as const) {
      const reportId = await report(state);
      await expect(
        add({ reportId, fileName: `${state}.pdf`, bytes: files.pdfFile(state), uploadedById: editor.id }),
      ).resolves.toMatchObject({ reportId });
    }
    for (const state of ["APPROVED", "WITHDRAWN"] as const) {
      const reportId = await report(state);
      const error = await refusedWithNothingStored(() =>
        add({ reportId, fileName: "x.pdf", bytes: files.pdfFile(state), uploadedById: editor.id }),
      );
      expect(error.failure).toMatchObject({ code: "conflict", message: "evidence.errors.notEditable" });
      expect(error.status).toBe(409);
    }
  });

  it("lets only those who may post updates for the item AND the report's unit add evidence", async () => {
    const reportId = await report();
    const attempt = (who: Account, tag: string) =>
      add({
        reportId,
        fileName: "照片.png",
        bytes: Buffer.concat([files.pngFile(), Buffer.from(tag)]),
        uploadedById: who.id,
      });
    const refused = [otherEditor, viewer, coordinator, ...(supportingEditor ? [supportingEditor] : [])];
    for (const who of refused) {
      const error = await refusedWithNothingStored(() => attempt(who, String(who.id)));
      expect(error.failure.code, `account ${who.id}`).toBe("forbidden");
    }
    await expect(attempt(admin, "admin")).resolves.toMatchObject({ reportId });
    await expect(attempt(editor, "editor")).resolves.toMatchObject({ reportId });
    // A disabled account acts no more, even with a session still open.
    await t.db.user.update({ where: { id: otherEditor.id }, data: { disabled: true } });
    const other = await report("DRAFT", item.id, otherEditor.unitId!);
    const error = await refusedWithNothingStored(() =>
      add({ reportId: other, fileName: "a.pdf", bytes: files.pdfFile("disabled"), uploadedById: otherEditor.id }),
    );
    expect(error.failure.code).toBe("forbidden");
    await t.db.user.update({ where: { id: otherEditor.id }, data: { disabled: false } });
  });

  it("refuses an unknown report and a retired item's report", async () => {
    const unknown = await refusedWithNothingStored(() =>
      add({ reportId: 2_000_000_000, fileName: "a.pdf", bytes: files.pdfFile(), uploadedById: admin.id }),
    );
    expect(unknown.failure).toMatchObject({ code: "not-found", message: "evidence.errors.reportNotFound" });
    const retired = await t.db.item.findFirstOrThrow({
      where: { level: "ACTION", retiredAt: null, leadUnitId: editor.unitId, id: { not: item.id } },
    });
    const reportId = await report("DRAFT", retired.id);
    await t.db.$transaction((tx) =>
      changeItem(tx, retired.id, { action: "RETIRE", fields: { retiredAt: new Date() } }, { actorId: admin.id }),
    );
    const error = await refusedWithNothingStored(() =>
      add({ reportId, fileName: "a.pdf", bytes: files.pdfFile("retired"), uploadedById: editor.id }),
    );
    expect(error.failure.message).toBe("evidence.errors.itemRetired");
  });

  it("refuses empty and over-size files, and a report's files over 100 MB together", async () => {
    const reportId = await report();
    const empty = await refusedWithNothingStored(() =>
      add({ reportId, fileName: "空.pdf", bytes: new Uint8Array(0), uploadedById: editor.id }),
    );
    expect([empty.status, empty.failure.message]).toEqual([400, "evidence.errors.empty"]);
    const big = await refusedWithNothingStored(() =>
      add({ reportId, fileName: "大.pdf", bytes: pdfOf(20 * MB + 1, "big"), uploadedById: editor.id }),
    );
    expect([big.status, big.failure.message, big.values]).toEqual([413, "evidence.errors.tooLarge", { max: 20 }]);
    // Exactly 20 MB is allowed.
    await expect(
      add({ reportId, fileName: "刚好.pdf", bytes: pdfOf(20 * MB, "exact"), uploadedById: editor.id }),
    ).resolves.toMatchObject({ size: 20 * MB });
    // 75 MB more, generated in the database, leaves 5 MB.
    await t.db.$executeRaw`
      INSERT INTO attachments (report_id, file_name, media_type, size, sha256, content)
      SELECT ${reportId}, 'filler-' || g || '.pdf', 'application/pdf', 25 * 1048576, md5(g::text),
             convert_to(repeat(g::text, 25 * 1048576), 'UTF8')
        FROM generate_series(1, 3) g`;
    const full = await refusedWithNothingStored(() =>
      add({ reportId, fileName: "超出.pdf", bytes: pdfOf(5 * MB + 1, "over"), uploadedById: editor.id }),
    );
    expect([full.status, full.failure.message, full.values]).toEqual([
      413,
      "evidence.errors.reportFull",
      { max: 100, left: 5 },
    ]);
    await expect(
      add({ reportId, fileName: "最后.pdf", bytes: pdfOf(5 * MB, "last"), uploadedById: editor.id }),
    ).resolves.toMatchObject({ size: 5 * MB });
  }, 120_000);

  it("counts two uploads racing for a report's last megabytes one after the other: exactly one fits", async () => {
    const reportId = await report();
    await t.db.$executeRaw`
      INSERT INTO attachments (report_id, file_name, media_type, size, sha256, content)
      SELECT ${reportId}, 'filler-' || g || '.pdf', 'application/pdf', 24 * 1048576, md5(g::text),
             convert_to(repeat('x', 24 * 1048576), 'UTF8')
        FROM generate_series(1, 4) g`;
    // 96 MB used: each of two 3 MB files fits alone, not both.
    const results = await Promise.allSettled(
      ["甲", "乙"].map((tag) =>
        add({ reportId, fileName: `${tag}.pdf`, bytes: pdfOf(3 * MB, tag), uploadedById: editor.id }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected")!;
    expect((rejected.reason as InstanceType<Writes["EvidenceRefusal"]>).failure.message).toBe(
      "evidence.errors.reportFull",
    );
    const total = await t.db.attachment.aggregate({ where: { reportId }, _sum: { size: true } });
    expect(total._sum.size).toBe(99 * MB);
  }, 120_000);

  it("refuses content that is not what its name says, markup and programs, and the same file twice", async () => {
    const reportId = await report();
    const cases: [string, Uint8Array, string, number][] = [
      ["x.docx", files.pdfFile(), "evidence.errors.mismatch", 415],
      ["无后缀", files.pdfFile(), "evidence.errors.noExtension", 415],
      ["报告.pdf", files.htmlFile(), "evidence.errors.content.markup", 415],
      ["报告.docx", files.windowsExecutableFile(), "evidence.errors.content.executable", 415],
      ["图.png", files.svgFile(), "evidence.errors.content.svg", 415],
      ["../报告.pdf", files.pdfFile(), "evidence.errors.namePath", 400],
      ["报告\u0007.pdf", files.pdfFile(), "evidence.errors.nameControl", 400],
    ];
    for (const [fileName, bytes, message, status] of cases) {
      const error = await refusedWithNothingStored(() => add({ reportId, fileName, bytes, uploadedById: editor.id }));
      expect([error.failure.message, error.status], fileName).toEqual([message, status]);
    }
    const mismatch = await refusedWithNothingStored(() =>
      add({ reportId, fileName: "x.docx", bytes: files.pdfFile(), uploadedById: editor.id }),
    );
    expect(mismatch.values).toEqual({ kind: "pdf", extension: "docx", suggested: "pdf" });
    await add({ reportId, fileName: "原件.pdf", bytes: files.pdfFile("same"), uploadedById: editor.id });
    const twice = await refusedWithNothingStored(() =>
      add({ reportId, fileName: "副本.pdf", bytes: files.pdfFile("same"), uploadedById: editor.id }),
    );
    expect([twice.failure.message, twice.values]).toEqual(["evidence.errors.duplicate", { name: "原件.pdf" }]);
  });
});

describe("removeEvidence (the server action)", () => {
  const form = (fields: Record<string, string>) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.set(k, v);
    return fd;
  };

  it("removes a file of an open report for its unit, and refuses others, decided reports and bad ids", async () => {
    const reportId = await report();
    const a = await add({ reportId, fileName: "待删.pdf", bytes: files.pdfFile("rm"), uploadedById: editor.id });
    signIn(otherEditor);
    expect(await actions.removeEvidence(null, form({ attachmentId: String(a.id) }))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    signIn(viewer);
    expect(await actions.removeEvidence(null, form({ attachmentId: String(a.id) }))).toMatchObject({
      code: "forbidden",
    });
    signOut();
    expect(await actions.removeEvidence(null, form({ attachmentId: String(a.id) }))).toMatchObject({
      code: "unauthenticated",
    });
    signIn(editor);
    expect(await actions.removeEvidence(null, form({ attachmentId: "abc" }))).toMatchObject({ code: "invalid" });
    expect(await actions.removeEvidence(null, form({ attachmentId: "2000000000" }))).toMatchObject({
      code: "not-found",
      message: "evidence.errors.fileNotFound",
    });
    expect(await t.db.attachment.count({ where: { id: a.id } })).toBe(1);
    expect(await actions.removeEvidence(null, form({ attachmentId: String(a.id) }))).toMatchObject({
      ok: true,
      data: { reportId, fileName: "待删.pdf" },
    });
    expect(await t.db.attachment.count({ where: { id: a.id } })).toBe(0);

    const b = await add({ reportId, fileName: "已审.pdf", bytes: files.pdfFile("approved"), uploadedById: editor.id });
    await t.db.progressUpdate.update({ where: { id: reportId }, data: { state: "APPROVED" } });
    expect(await actions.removeEvidence(null, form({ attachmentId: String(b.id) }))).toMatchObject({
      code: "conflict",
      message: "evidence.errors.notEditable",
    });
    expect(await t.db.attachment.count({ where: { id: b.id } })).toBe(1);
  });
});

describe("the routes", () => {
  const post = (fields: Record<string, string | File>, headers: Record<string, string> = {}) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    return upload.POST(new Request("http://127.0.0.1:3000/api/evidence", { method: "POST", body, headers }));
  };
  const get = (id: string) =>
    download.GET(new Request(`http://127.0.0.1:3000/api/evidence/${id}`), { params: Promise.resolve({ id }) });
  const answer = async (response: Response) => {
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    return [response.status, (await response.json()) as { ok: boolean; code?: string; message: string }] as const;
  };

  it("answers every bad upload with a 4xx and a clear Chinese message, storing nothing", async () => {
    const reportId = String(await report());
    const file = (bytes: Uint8Array, name: string) => new File([new Uint8Array(bytes)], name);
    signOut();
    const before = await fingerprint();
    let [status, body] = await answer(await post({ reportId, file: file(files.pdfFile(), "a.pdf") }));
    expect([status, body.message]).toEqual([401, "请先登录。"]);
    signIn(viewer);
    [status, body] = await answer(await post({ reportId, file: file(files.pdfFile(), "a.pdf") }));
    expect([status, body.message]).toEqual([403, "您没有为此报告上传或删除佐证材料的权限。"]);
    signIn(otherEditor);
    [status, body] = await answer(await post({ reportId, file: file(files.pdfFile(), "a.pdf") }));
    expect([status, body.message]).toEqual([403, "您没有为此报告上传或删除佐证材料的权限。"]);

    signIn(editor);
    const cases: [Record<string, string | File>, number, RegExp][] = [
      [
        { reportId, file: file(await files.docxFile(), "会议纪要.pdf") },
        415,
        /文件内容是Word 文档，与文件名后缀 \.pdf 不符/,
      ],
      [{ reportId, file: file(files.htmlFile(), "报告.pdf") }, 415, /网页（HTML\/XML）文件不能作为佐证材料上传/],
      [{ reportId, file: file(files.windowsExecutableFile(), "安装.docx") }, 415, /程序或安装包不能上传/],
      [{ reportId, file: file(new Uint8Array(0), "空.pdf") }, 400, /文件是空的/],
      [{ reportId, file: file(pdfOf(20 * MB + 1, "route-big"), "大.pdf") }, 413, /不能超过 20 MB/],
      [{ reportId, file: file(files.pdfFile(), "../../etc/报告.pdf") }, 400, /不能包含路径/],
      [{ reportId, file: file(files.pdfFile(), "报告\u0001.pdf") }, 400, /控制字符/],
      [{ reportId }, 400, /请选择要上传的文件/],
      [{ reportId: "abc", file: file(files.pdfFile(), "a.pdf") }, 400, /报告不存在/],
      [{ reportId: "2000000000", file: file(files.pdfFile(), "a.pdf") }, 404, /报告不存在/],
    ];
    for (const [fields, expectedStatus, message] of cases) {
      [status, body] = await answer(await post(fields));
      expect([status, body.ok], body.message).toEqual([expectedStatus, false]);
      expect(body.message).toMatch(message);
    }
    [status, body] = await answer(
      await post({ reportId, file: file(files.pdfFile(), "a.pdf") }, { origin: "https://evil.example" }),
    );
    expect([status, body.message]).toEqual([403, "已拒绝跨站请求。"]);
    expect(await fingerprint()).toBe(before);
  }, 60_000);

  it("stores an upload and downloads it byte for byte with the Chinese name, as an attachment, nosniff", async () => {
    const reportId = String(await report());
    signIn(editor);
    const bytes = files.pdfFile("download");
    const name = "关于“成渝中线”可研评审的会议纪要 (终稿).pdf";
    const [status, body] = await answer(await post({ reportId, file: new File([new Uint8Array(bytes)], name) }));
    expect(status).toBe(201);
    const stored = (body as unknown as { attachment: { id: number; sha256: string; fileName: string } }).attachment;
    expect(stored).toMatchObject({ fileName: name, sha256: sha(bytes) });
    expect(body.message).toBe(`已上传“${name}”。`);

    signIn(viewer);
    const response = await get(String(stored.id));
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toMatch(/private/);
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="evidence-\d+\.pdf"; filename\*=UTF-8''/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!;
    expect(encoded).not.toMatch(/[^A-Za-z0-9%!#$&+\-.^_`|~]/); // RFC 5987 attr-chars only
    expect(decodeURIComponent(encoded)).toBe(name);

    // An ASCII name is its own fallback.
    signIn(editor);
    const [, ascii] = await answer(
      await post({ reportId, file: new File([new Uint8Array(files.pngFile())], "site-photo.png") }),
    );
    signIn(viewer);
    const png = await get(String((ascii as unknown as { attachment: { id: number } }).attachment.id));
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(png.headers.get("content-disposition")).toBe(
      `attachment; filename="site-photo.png"; filename*=UTF-8''site-photo.png`,
    );
  });

  it("refuses downloads signed out, and answers unknown or malformed ids with 404", async () => {
    signOut();
    const signedOut = await get("1");
    expect([signedOut.status, await signedOut.text()]).toEqual([401, "请先登录后再下载佐证材料。"]);
    signIn(viewer);
    for (const id of ["2000000000", "abc", "0", "-1", "99999999999", "1.5"]) {
      const response = await get(id);
      expect([response.status, await response.text()], id).toEqual([404, "该文件不存在，可能已被删除。"]);
    }
  });
});
