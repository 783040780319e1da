// The JSON log never carries a secret: not in the fields pino's redaction names (passwords, tokens, cookies,
// authorization headers, connection strings, at any of the first four levels), and not inside free text (an
// error message with a connection string, a bearer token, a session cookie, a form body).
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, scrubSecrets } from "@/lib/log";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

const SECRETS = [
  "Hunter2#Secret",
  "tok_9f8e7d6c5b4a",
  "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2In0.sessionvalue",
  "s3cr3t-db-pass",
  "metrics-token-123",
  "oidc-client-secret-xyz",
];

describe("the logger", () => {
  it("writes one JSON object per line with level, time, message and fields", () => {
    const { logger, lines } = capture();
    logger.info({ requestId: "abc12345def", route: "/items/[code]" }, "request");
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 30, msg: "request", requestId: "abc12345def", route: "/items/[code]" });
    expect(typeof entry.time).toBe("string");
  });

  it("redacts secrets by field name, at the top level and nested", () => {
    const { logger, lines } = capture();
    logger.info({ password: SECRETS[0], token: SECRETS[1] }, "top level");
    logger.info({ input: { loginName: "admin", password: SECRETS[0], newPassword: SECRETS[0] } }, "nested");
    logger.info(
      {
        req: {
          headers: {
            cookie: `authjs.session-token=${SECRETS[2]}`,
            authorization: `Bearer ${SECRETS[4]}`,
            "set-cookie": [`authjs.session-token=${SECRETS[2]}`],
          },
        },
      },
      "headers",
    );
    logger.warn({ config: { connectionString: `postgresql://app:${SECRETS[3]}@db:5432/tracker` } }, "pool");
    logger.info({ env: { OIDC_CLIENT_SECRET: SECRETS[5], METRICS_TOKEN: SECRETS[4] } }, "settings");
    const output = lines.join("\n");
    for (const secret of SECRETS) expect(output).not.toContain(secret);
    expect(output).toContain('"loginName":"admin"');
    expect(output.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(9);
  });

  it("scrubs secrets out of messages and error texts", () => {
    const { logger, lines } = capture();
    const error = new Error(`connect to postgresql://app:${SECRETS[3]}@db:5432/tracker failed`);
    logger.error({ err: error }, "database");
    logger.error(`got Authorization: Bearer ${SECRETS[4]} from a scraper`);
    logger.warn(`cookie was __Secure-authjs.session-token=${SECRETS[2]}; path=/`);
    logger.info(`form body loginName=admin&password=${encodeURIComponent(SECRETS[0]!)}`);
    const output = lines.join("\n");
    for (const secret of [SECRETS[0], encodeURIComponent(SECRETS[0]!), SECRETS[2], SECRETS[3], SECRETS[4]])
      expect(output).not.toContain(secret);
    // what is not secret stays readable
    expect(output).toContain("postgresql://app:[redacted]@db:5432/tracker");
    expect(output).toContain("loginName=admin");
  });

  it("leaves text without secrets alone", () => {
    const text = "GET /items/3.1.4 200 12ms; see https://example.gov.cn/path?q=1";
    expect(scrubSecrets(text)).toBe(text);
  });
});
