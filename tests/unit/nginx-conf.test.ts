// deploy/nginx.conf lets through every upload the app accepts, and every one it answers itself as too large.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/http/action-request";
import { UPLOAD_DRAIN_MAX_BYTES } from "@/lib/http/evidence-upload";

const conf = readFileSync(join(import.meta.dirname, "..", "..", "deploy", "nginx.conf"), "utf8");

function bytes(size: string): number {
  const m = /^(\d+)([kKmMgG]?)$/.exec(size);
  if (!m) throw new Error(`not an nginx size: ${size}`);
  return Number(m[1]) * ({ "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase()] ?? NaN);
}

function directive(name: string): string[] {
  return [...conf.matchAll(new RegExp(`^\\s*${name}\\s+([^;]+);`, "gm"))].map((m) => m[1]!.trim());
}

describe("deploy/nginx.conf", () => {
  it("lets uploads through up to what the app reads before answering 'too large' itself", () => {
    const [size] = directive("client_max_body_size");
    expect(size).toBeDefined();
    expect(bytes(size!)).toBeGreaterThanOrEqual(UPLOAD_DRAIN_MAX_BYTES);
    expect(bytes(size!)).toBeGreaterThan(ACTION_BODY_LIMIT_BYTES);
  });

  it("forwards the client, the host and the request id, and retries a request an instance could not take", () => {
    const headers = directive("proxy_set_header").map((v) => v.split(/\s+/)[0]!.toLowerCase());
    expect(headers).toEqual(
      expect.arrayContaining(["host", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-request-id"]),
    );
    expect(directive("proxy_set_header")).toContain("X-Forwarded-For $proxy_add_x_forwarded_for");
    expect(directive("proxy_next_upstream")[0]!.split(/\s+/)).toEqual(
      expect.arrayContaining(["error", "timeout", "http_503"]),
    );
    expect(directive("proxy_next_upstream")[0]).not.toContain("non_idempotent");
    expect(bytes(directive("proxy_read_timeout")[0]!.replace(/s$/, ""))).toBeGreaterThanOrEqual(120);
  });
});
