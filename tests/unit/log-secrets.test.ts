import { describe, expect, it } from "vitest";
import { findSecrets, secretScanner } from "../../scripts/log-secrets";

const server = (line: string) => `[WebServer] ${line}`;

describe("findSecrets (the e2e run's server log)", () => {
  it.each([
    ["known password or secret", '{"msg":"signed in","note":"Chengyu#2026"}'],
    ["session token", "cookie eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..abcdefghijklmnop"],
    ["auth cookie value", "set-cookie: authjs.csrf-token=0123456789abcdef%7Cfedcba"],
    ["API token", `got cyt_${"A".repeat(43)} from the client`],
    ["bearer credential", '{"authorization":"[redacted]","hint":"Bearer abcdefgh12345678"}'],
    ["secret field", '{"level":30,"password":"hunter22"}'],
  ])("finds a %s", (kind, line) => {
    expect(findSecrets(["first", server(line)].join("\n")).map((f) => f.kind)).toContain(kind);
    expect(findSecrets(server(line))[0]!.line).toBe(1);
  });

  it("passes what the logger writes instead: redacted fields, scrubbed cookies, a token's display prefix", () => {
    const clean = [
      '{"level":30,"password":"[redacted]","token":"[redacted]","msg":"request"}',
      "cookie authjs.session-token=[redacted]; Bearer [redacted]",
      '{"msg":"token created","prefix":"cyt_AbCdEfGh"}',
      '{"route":"/api/v1/items/[code]","status":200,"ms":12}',
    ].map(server);
    expect(findSecrets(clean.join("\n"))).toEqual([]);
  });

  it("reads only the server's lines (the runner's own output may name a test's password)", () => {
    expect(findSecrets('  ✓ signs in with "Chengyu#2026"')).toEqual([]);
  });
});

describe("secretScanner (the run's output as it streams)", () => {
  it("finds a secret cut across chunks, on the right line, and keeps none of the output", () => {
    const scanner = secretScanner();
    const text = ["[WebServer] ok", "runner line", '[WebServer] {"password":"hunter22"}', "[WebServer] ok"].join("\n");
    for (let i = 0; i < text.length; i += 7) scanner.write(text.slice(i, i + 7));
    expect(scanner.end()).toEqual({ lines: 4, findings: [{ line: 3, kind: "secret field" }] });
  });
});
