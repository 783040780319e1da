// Evidence uploads and downloads over real HTTP against the production build (issue 14's acceptance): wrong type
// by content, renamed HTML and executable, over-size, empty, names with path parts or control characters —
// each a clear message with a 4xx and nothing stored; a Chinese name round-trips through Content-Disposition;
// downloads are attachments with nosniff; signed-out callers are refused. The upload route runs without
// proxy.ts, so this also checks what proxy.ts would have done (cross-site refusal, security headers) and that
// an upload declaring 1 GB is refused from its headers, before its body is sent.
import { createHash } from "node:crypto";
import http from "node:http";
import { HttpSession } from "../tests/support/http-client";
import * as files from "../tests/support/evidence-files";
import { SAMPLE_PASSWORD } from "./auth";
import { expect, test, type Sql } from "./fixtures";

const MB = 1024 * 1024;
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

interface Answer {
  status: number;
  json: { ok: boolean; code?: string; message: string; attachment?: { id: number; fileName: string; sha256: string } };
  headers: Headers;
}

async function upload(session: HttpSession, reportId: number | string, bytes: Uint8Array | null, name: string) {
  const form = new FormData();
  form.set("reportId", String(reportId));
  if (bytes) form.set("file", new File([new Uint8Array(bytes)], name));
  const response = await session.fetch("/api/evidence", {
    method: "POST",
    body: form,
    headers: { origin: new URL(session.baseUrl).origin },
  });
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text) as Answer["json"], headers: response.headers };
}

/** A draft report of an item led by sc.fgw's unit, made for this spec. */
async function draftReport(sql: Sql): Promise<number> {
  const [row] = await sql<{ id: number }>(
    `INSERT INTO progress_updates (item_id, author_id, unit_id, status, progress, confidence, note, state)
     SELECT i.id, u.id, u.unit_id, 'IN_PROGRESS', 30, 'GREEN', '佐证材料上传测试', 'DRAFT'
       FROM users u JOIN items i ON i.lead_unit_id = u.unit_id AND i.level = 'ACTION' AND i.retired_at IS NULL
      WHERE u.login_name = 'sc.fgw' ORDER BY i.code LIMIT 1
     RETURNING id`,
  );
  return row!.id;
}

const stored = async (sql: Sql, reportId: number) =>
  Number(
    (await sql<{ n: string }>(`SELECT count(*)::text AS n FROM attachments WHERE report_id = $1`, [reportId]))[0]!.n,
  );

test("bad uploads are refused with a clear message and a 4xx, and nothing is stored", async ({ baseURL, sql }) => {
  const editor = new HttpSession(baseURL!);
  await editor.signIn("sc.fgw", SAMPLE_PASSWORD);
  const reportId = await draftReport(sql);
  const cases: [string, Uint8Array | null, string, number, RegExp][] = [
    ["a docx named .pdf", await files.docxFile(), "会议纪要.pdf", 415, /文件内容是Word 文档，与文件名后缀 \.pdf 不符/],
    ["a PDF named .docx", files.pdfFile(), "x.docx", 415, /文件内容是PDF 文档，与文件名后缀 \.docx 不符/],
    ["HTML renamed to .pdf", files.htmlFile(), "通知.pdf", 415, /网页（HTML\/XML）文件不能作为佐证材料上传/],
    ["SVG renamed to .png", files.svgFile(), "图.png", 415, /SVG 图像可能含有脚本/],
    ["a program renamed to .docx", files.windowsExecutableFile(), "报告.docx", 415, /程序或安装包不能上传/],
    ["a Linux program renamed to .pdf", files.elfFile(), "报告.pdf", 415, /程序或安装包不能上传/],
    ["a script renamed to .pdf", files.shellScriptFile(), "说明.pdf", 415, /脚本文件不能上传/],
    ["a zip", await files.plainZipFile(), "资料.docx", 415, /压缩包不能上传/],
    ["an empty file", new Uint8Array(0), "空.pdf", 400, /文件是空的/],
    ["over 20 MB", Buffer.concat([files.pdfFile(), Buffer.alloc(20 * MB)]), "大.pdf", 413, /不能超过 20 MB/],
    ["a name with path parts", files.pdfFile(), "../../etc/报告.pdf", 400, /文件名不能包含路径/],
    ["a Windows path", files.pdfFile(), "C:\\Users\\报告.pdf", 400, /文件名不能包含路径/],
    ["a control character", files.pdfFile(), "报告\u0007.pdf", 400, /控制字符/],
    ["a hidden direction mark", files.pdfFile(), "报告\u202efdp.exe", 400, /控制字符/],
    ["no file", null, "", 400, /请选择要上传的文件/],
  ];
  const wrong: string[] = [];
  for (const [label, bytes, name, status, message] of cases) {
    const answer = await upload(editor, reportId, bytes, name);
    if (answer.status !== status || answer.json.ok !== false || !message.test(answer.json.message))
      wrong.push(`${label}: ${answer.status} ${answer.json.message}`);
    expect(answer.headers.get("content-type"), label).toMatch(/^application\/json/);
    expect(answer.headers.get("x-content-type-options"), label).toBe("nosniff");
  }
  expect(wrong).toEqual([]);
  expect(await stored(sql, reportId), "nothing stored").toBe(0);

  // Another unit's editor, a viewer and a signed-out caller may not add to this report.
  const other = new HttpSession(baseURL!);
  await other.signIn("cq.jtw", SAMPLE_PASSWORD);
  expect((await upload(other, reportId, files.pdfFile(), "a.pdf")).status).toBe(403);
  const viewer = new HttpSession(baseURL!);
  await viewer.signIn("leader", SAMPLE_PASSWORD);
  expect(await upload(viewer, reportId, files.pdfFile(), "a.pdf")).toMatchObject({
    status: 403,
    json: { ok: false, message: "您没有为此报告上传或删除佐证材料的权限。" },
  });
  expect(await upload(new HttpSession(baseURL!), reportId, files.pdfFile(), "a.pdf")).toMatchObject({
    status: 401,
    json: { ok: false, message: "请先登录。" },
  });
  // A cross-site form post is refused before anything else.
  const form = new FormData();
  form.set("reportId", String(reportId));
  form.set("file", new File([new Uint8Array(files.pdfFile())], "a.pdf"));
  const forged = await editor.fetch("/api/evidence", {
    method: "POST",
    body: form,
    headers: { origin: "https://evil.example" },
  });
  expect([forged.status, ((await forged.json()) as { message: string }).message]).toEqual([403, "已拒绝跨站请求。"]);
  expect(await stored(sql, reportId), "nothing stored").toBe(0);
});

test("an upload with a Chinese name downloads byte for byte as an attachment with that name", async ({
  baseURL,
  sql,
}) => {
  const editor = new HttpSession(baseURL!);
  await editor.signIn("sc.fgw", SAMPLE_PASSWORD);
  const reportId = await draftReport(sql);
  const bytes = await files.docxFile("成渝中线高铁可研评审会议纪要");
  const name = "关于“成渝中线”高铁可研评审的会议纪要（终稿）.docx";
  const answer = await upload(editor, reportId, bytes, name);
  expect(answer.status).toBe(201);
  expect(answer.json).toMatchObject({ ok: true, attachment: { fileName: name, sha256: sha(bytes) } });
  expect(answer.json.message).toBe(`已上传“${name}”。`);
  // The same file again is refused, clearly.
  const twice = await upload(editor, reportId, bytes, "副本.docx");
  expect([twice.status, twice.json.message]).toEqual([409, `同样的文件已经上传过（“${name}”）。`]);

  const id = answer.json.attachment!.id;
  const [row] = await sql<{ media_type: string; size: number }>(
    `SELECT media_type, size FROM attachments WHERE id = $1`,
    [id],
  );
  expect(row).toEqual({
    media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    size: bytes.length,
  });

  const viewer = new HttpSession(baseURL!);
  await viewer.signIn("leader", SAMPLE_PASSWORD);
  const response = await viewer.fetch(`/api/evidence/${id}`);
  expect(response.status).toBe(200);
  const body = Buffer.from(await response.arrayBuffer());
  expect(sha(body)).toBe(sha(bytes));
  expect(response.headers.get("content-type")).toBe(row!.media_type);
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("cache-control")).toMatch(/^private/);
  expect(response.headers.get("content-security-policy") ?? "").toContain("frame-ancestors 'none'");
  const disposition = response.headers.get("content-disposition") ?? "";
  expect(disposition).toMatch(new RegExp(`^attachment; filename="evidence-${id}\\.docx"; filename\\*=UTF-8''`));
  expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!)).toBe(name);

  // Signed out (and with a cookie that means nothing): refused, no bytes.
  const anonymous = await new HttpSession(baseURL!).fetch(`/api/evidence/${id}`);
  expect([anonymous.status, await anonymous.text()]).toEqual([401, "请先登录后再下载佐证材料。"]);
  const missing = await viewer.fetch(`/api/evidence/2000000000`);
  expect(missing.status).toBe(404);
});

/** Sends the headers (and `first` bytes) of a request that claims `length` bytes, and waits for the answer. */
function partialRequest(
  url: URL,
  headers: Record<string, string>,
  first: Buffer,
): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const req = http.request(url, { method: "POST", headers });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode!, body, sent });
      });
    });
    req.on("error", reject);
    req.write(first, () => (sent += first.length));
  });
}

test("an upload declaring 1 GB is refused from its headers, before its body is sent", async ({ baseURL, sql }) => {
  const editor = new HttpSession(baseURL!);
  await editor.signIn("sc.fgw", SAMPLE_PASSWORD);
  const reportId = await draftReport(sql);
  const started = Date.now();
  const answer = await partialRequest(
    new URL("/api/evidence", baseURL),
    {
      cookie: editor.cookieHeader(),
      "content-type": "multipart/form-data; boundary=x",
      "content-length": String(1024 * MB),
    },
    Buffer.from(`--x\r\nContent-Disposition: form-data; name="reportId"\r\n\r\n${reportId}\r\n`),
  );
  // Only the first few bytes of the gigabyte were ever sent: the answer came without waiting for the rest.
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body)).toMatchObject({ ok: false, message: "上传内容过大：每个文件不能超过 20 MB。" });
  expect(Date.now() - started).toBeLessThan(15_000);
  expect(await stored(sql, reportId)).toBe(0);
});

/** Streams a multipart upload of about `megabytes` MB without declaring its length (chunked). */
function chunkedUpload(editor: HttpSession, reportId: number, megabytes: number) {
  let pushed = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pushed === 0) {
        controller.enqueue(
          Buffer.from(
            `--x\r\nContent-Disposition: form-data; name="reportId"\r\n\r\n${reportId}\r\n--x\r\nContent-Disposition: form-data; name="file"; filename="大.pdf"\r\n\r\n%PDF-1.4\n`,
          ),
        );
      }
      if (pushed >= megabytes * MB) return controller.close();
      pushed += MB;
      controller.enqueue(new Uint8Array(MB));
    },
  });
  return editor
    .fetch("/api/evidence", {
      method: "POST",
      body: stream,
      headers: { "content-type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit)
    .catch((error: unknown) => error as Error);
}

test("an upload without a length is refused when it passes the limit", async ({ baseURL, sql }) => {
  const editor = new HttpSession(baseURL!);
  await editor.signIn("sc.fgw", SAMPLE_PASSWORD);
  const reportId = await draftReport(sql);
  // A little over the limit (30 MB): read to its end and dropped, then a plain 413 on a connection that stays.
  const over = await chunkedUpload(editor, reportId, 30);
  expect(over).toBeInstanceOf(Response);
  const answer = over as Response;
  expect(answer.status).toBe(413);
  expect(answer.headers.get("connection")).not.toBe("close");
  expect(((await answer.json()) as { message: string }).message).toBe("上传内容过大：每个文件不能超过 20 MB。");

  // Far over it (100 MB): not read past 40 MB; the answer closes the connection, which a client still
  // sending may see as the connection closing under it. Either way nothing is stored and the server goes on.
  const far = await chunkedUpload(editor, reportId, 100);
  if (far instanceof Response) {
    expect(far.status).toBe(413);
    expect(far.headers.get("connection")).toBe("close");
    await far.arrayBuffer().catch(() => undefined);
  }
  console.log(
    `upload without a length, 100 MB: ${far instanceof Response ? `answered ${far.status}` : `connection closed (${String((far as Error).cause ?? far)})`}`,
  );
  expect(await stored(sql, reportId)).toBe(0);
  const still = await editor.fetch("/api/auth/session");
  expect(still.status).toBe(200);
});
