// The upload request (lib/http/evidence-upload.ts, lib/http/capped-body.ts): a body declared or found to be over
// the cap is refused without being read to its end; a malformed or empty form gets its own message.
import { describe, expect, it } from "vitest";
import { readCappedBody } from "../../lib/http/capped-body";
import { readEvidenceUpload, UPLOAD_REQUEST_MAX_BYTES } from "../../lib/http/evidence-upload";

const URL_ = "http://localhost/api/evidence";

function formRequest(form: FormData): Request {
  return new Request(URL_, { method: "POST", body: form });
}

/** A body streamed without a length that would go on for `total` bytes; counts what was pulled from it. */
function endless(total: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      const chunk = new Uint8Array(64 * 1024);
      pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe("readCappedBody", () => {
  it("refuses a declared length over the cap before reading anything", async () => {
    const body = endless(1024 ** 3);
    const request = new Request(URL_, {
      method: "POST",
      body: body.stream,
      headers: { "content-length": String(1024 ** 3) },
      duplex: "half",
    } as RequestInit);
    expect(await readCappedBody(request, 1024, 4096)).toEqual({ ok: false, reason: "tooLarge", drained: false });
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it("stops reading a body without a length as soon as it passes the cap", async () => {
    const body = endless(1024 ** 3);
    const request = new Request(URL_, { method: "POST", body: body.stream, duplex: "half" } as RequestInit);
    expect(await readCappedBody(request, 1024 * 1024)).toEqual({ ok: false, reason: "tooLarge", drained: false });
    expect(body.pulled()).toBeLessThan(2 * 1024 * 1024);
  });

  it("reads a body a little over the cap to its end, keeping none of it, so the connection stays usable", async () => {
    const body = endless(3 * 1024 * 1024);
    const request = new Request(URL_, { method: "POST", body: body.stream, duplex: "half" } as RequestInit);
    expect(await readCappedBody(request, 1024 * 1024, 4 * 1024 * 1024)).toEqual({
      ok: false,
      reason: "tooLarge",
      drained: true,
    });
    expect(body.pulled()).toBe(3 * 1024 * 1024);
  });

  it("returns a body within the cap whole", async () => {
    const request = new Request(URL_, { method: "POST", body: "abc" });
    const read = await readCappedBody(request, 3);
    expect(read.ok && Buffer.from(read.bytes).toString()).toBe("abc");
  });
});

describe("readEvidenceUpload", () => {
  it("takes the report id and the one file apart, keeping the file's own name", async () => {
    const form = new FormData();
    form.set("reportId", "12");
    form.set("file", new File(["%PDF-1.4"], "会议纪要.pdf"));
    const read = await readEvidenceUpload(formRequest(form));
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.reportId).toBe("12");
      expect(read.file.name).toBe("会议纪要.pdf");
    }
  });

  it("refuses no file, two files, a file where text belongs, a non-multipart body and a broken one", async () => {
    const none = new FormData();
    none.set("reportId", "1");
    none.set("file", new File([], ""));
    expect(await readEvidenceUpload(formRequest(none))).toMatchObject({
      status: 400,
      message: "evidence.errors.noFile",
    });
    const two = new FormData();
    two.append("file", new File(["a"], "a.pdf"));
    two.append("file", new File(["b"], "b.pdf"));
    expect(await readEvidenceUpload(formRequest(two))).toMatchObject({ message: "evidence.errors.badRequest" });
    const text = new FormData();
    text.set("file", "not a file");
    expect(await readEvidenceUpload(formRequest(text))).toMatchObject({ message: "evidence.errors.badRequest" });
    const json = new Request(URL_, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(await readEvidenceUpload(json)).toMatchObject({ status: 415 });
    const broken = new Request(URL_, {
      method: "POST",
      body: '--X\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF',
      headers: { "content-type": "multipart/form-data; boundary=X" },
    });
    expect(await readEvidenceUpload(broken)).toMatchObject({ status: 400, message: "evidence.errors.badRequest" });
  });

  it("refuses a request over the cap with 413", async () => {
    const form = new FormData();
    form.set("file", new File([new Uint8Array(UPLOAD_REQUEST_MAX_BYTES + 1)], "big.pdf"));
    expect(await readEvidenceUpload(formRequest(form))).toMatchObject({
      status: 413,
      message: "evidence.errors.requestTooLarge",
      values: { max: 20 },
      unread: false,
    });
  });
});
