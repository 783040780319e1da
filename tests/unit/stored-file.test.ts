// storedFileRoute, every stored document's download (a period's 情况通报, a 督办通知单): the route names its
// permission, formats, read and ASCII name; the answers — 404, 503, the file with its ETag, 304 — are the helper's.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "../../lib/auth/session";
import type { StoredFile } from "../../lib/http/stored-file";

const viewer: SessionUser = { id: 7, role: "VIEWER", unitId: 3, loginName: "u", displayName: "U", unitName: null };
vi.mock("../../lib/auth/session", () => ({ getCurrentUser: async () => viewer }));
const { storedFileRoute } = await import("../../lib/http/stored-file");
const { logger } = await import("../../lib/log");

const file: StoredFile = {
  content: new TextEncoder().encode("PDF bytes"),
  sha256: "abc123",
  mediaType: "application/pdf",
  fileName: "2026年11月情况通报.pdf",
};
let read: (id: number, format: string) => Promise<StoredFile | null>;
const GET = storedFileRoute({
  permission: "period:read",
  messages: "periods.errors",
  formats: ["docx", "pdf"] as const,
  read: (_user, id, format) => read(id, format),
  asciiName: (id, format) => `period-${id}-bulletin.${format}`,
});
const get = (id: string, format: string, headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/api/periods/${id}/files/${format}`, { headers }), {
    params: Promise.resolve({ id, format }),
  });

describe("storedFileRoute", () => {
  beforeEach(() => {
    read = async () => file;
  });

  it("answers the file as an attachment, with its sha256 as the ETag", async () => {
    const asked: [number, string][] = [];
    read = async (id, format) => (asked.push([id, format]), file);
    const response = await get("12", "pdf");
    expect(response.status).toBe(200);
    expect(asked).toEqual([[12, "pdf"]]);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      etag: '"abc123"',
      "cache-control": "private, no-cache",
      "x-content-type-options": "nosniff",
      "content-type": "application/pdf",
      "content-length": String(file.content.byteLength),
    });
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="period-12-bulletin\.pdf"; /);
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe("PDF bytes");
  });

  it("answers 304 with no body to a client that has the bytes", async () => {
    const response = await get("12", "pdf", { "if-none-match": '"abc123"' });
    expect(response.status).toBe(304);
    expect(response.headers.get("etag")).toBe('"abc123"');
    expect(await response.text()).toBe("");
  });

  it("answers 404 for an unreadable id, another format or no file, without reading for a bad request", async () => {
    let reads = 0;
    read = async () => (reads++, null);
    for (const [id, format] of [
      ["0", "pdf"],
      ["x", "pdf"],
      ["99999999999", "pdf"],
      ["12", "xlsx"],
    ] as const)
      expect((await get(id, format)).status).toBe(404);
    expect(reads).toBe(0);
    expect((await get("12", "docx")).status).toBe(404);
    expect(reads).toBe(1);
  });

  it("answers 503 when the read fails", async () => {
    const log = vi.spyOn(logger(), "error").mockImplementation(() => undefined);
    read = async () => {
      throw new Error("connection refused");
    };
    const response = await get("12", "pdf");
    expect(response.status).toBe(503);
    expect(log).toHaveBeenCalledWith(
      { err: expect.any(Error), path: "/api/periods/12/files/pdf" },
      "stored file read failed",
    );
    log.mockRestore();
  });
});
