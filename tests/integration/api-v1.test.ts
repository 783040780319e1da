// The open API (/api/v1) against a real seeded database, its route handlers called as Next calls them: the
// token guard (none, malformed, tampered, unknown, expired, revoked, disabled owner, a role changed after the
// token was made), read-only vs read-write, the reads (the same figures as lib/data), cursor paging, asOf,
// report submission with If-Match (412 with what changed) and Idempotency-Key (a retry writes once, another
// body 422), the rate limit (429 + Retry-After, shared through PostgreSQL), problem+json in zh-CN and en, and
// the token writes with their audit rows. Every answer is checked against the OpenAPI document (api-client).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../setup/test-db";
import { sampleAccount, type TestAccount } from "../support/actors";
import { callApi } from "../support/api-client";
import { apiWorld, type ApiWorld } from "../support/api-world";

let t: TestDatabase;
let editor: TestAccount;
let staff: ApiWorld["staff"];
let tokens: ApiWorld["tokens"];
let clock: ApiWorld["clock"];
let item: ApiWorld["item"];
let tokenFor: ApiWorld["tokenFor"];

const report = (note = "接口报送：已完成方案编制") => ({
  status: "IN_PROGRESS",
  progress: 40,
  confidence: "GREEN",
  note,
  evidenceLinks: ["https://example.com/doc/1"],
});

beforeAll(async () => {
  ({ t, tokens, clock, editor, staff, item, tokenFor } = await apiWorld());
});

afterAll(async () => {
  clock?.resetClock();
  delete process.env.API_RATE_LIMIT;
  await t?.drop();
});

describe("the token guard", () => {
  it("refuses a request without a token, with a malformed, a tampered or an unknown one: 401 problem+json", async () => {
    const token = await tokenFor(editor);
    const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    for (const [value, code] of [
      [null, "unauthenticated"],
      ["not-a-token", "token-invalid"],
      [tampered, "token-invalid"],
      ["cyt_" + "x".repeat(43), "token-invalid"],
    ] as const) {
      const answer = await callApi("GET", "/api/v1/units", { token: value });
      expect(answer.status).toBe(401);
      expect(answer.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(answer.body.code).toBe(code);
      expect(answer.body.type).toBe(`/api-docs#problem-${code}`);
    }
    // Basic auth is not a token either
    const basic = await callApi("GET", "/api/v1/units", { headers: { authorization: "Basic YWRtaW46YWRtaW4=" } });
    expect(basic.body.code).toBe("token-invalid");
    expect((await callApi("GET", "/api/v1/units", { token })).status).toBe(200);
  });

  it("answers in zh-CN by default and in English for Accept-Language: en", async () => {
    const zh = await callApi("GET", "/api/v1/units");
    expect(zh.body.title).toBe("需要访问令牌");
    expect(zh.headers.get("content-language")).toBe("zh-CN");
    const en = await callApi("GET", "/api/v1/units", { headers: { "accept-language": "en-GB,en;q=0.9,zh;q=0.5" } });
    expect(en.body.title).toBe("Access token required");
    const zhFirst = await callApi("GET", "/api/v1/units", { headers: { "accept-language": "en;q=0.3, zh-CN" } });
    expect(zhFirst.body.title).toBe("需要访问令牌");
  });

  it("stops an expired token, a revoked one, and every token of a disabled owner at once", async () => {
    const shortLived = await tokenFor(editor, "READ", 7);
    const revoked = await tokenFor(editor);
    const viewerToken = await tokenFor(staff.viewer);
    const revokedRow = await t.db.apiToken.findFirstOrThrow({ where: { userId: editor.id }, orderBy: { id: "desc" } });
    await t.db.$transaction((tx) => tokens.revokeApiToken(tx, editor, revokedRow.id, clock.now()));
    expect((await callApi("GET", "/api/v1/units", { token: revoked })).body.code).toBe("token-revoked");

    clock.setClock(new Date(clock.now().getTime() + 8 * 86_400_000));
    try {
      expect((await callApi("GET", "/api/v1/units", { token: shortLived })).body.code).toBe("token-expired");
    } finally {
      clock.resetClock();
    }
    expect((await callApi("GET", "/api/v1/units", { token: shortLived })).status).toBe(200);

    expect((await callApi("GET", "/api/v1/units", { token: viewerToken })).status).toBe(200);
    await t.db.user.update({ where: { id: staff.viewer.id }, data: { disabled: true } });
    try {
      const refused = await callApi("GET", "/api/v1/units", { token: viewerToken });
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe("owner-disabled");
    } finally {
      await t.db.user.update({ where: { id: staff.viewer.id }, data: { disabled: false } });
    }
  });

  it("acts with the owner's current role: a viewer promoted to editor of a unit can report at once, and back", async () => {
    const token = await tokenFor(staff.viewer, "WRITE");
    const denied = await callApi("POST", `/api/v1/items/${item.code}/reports`, {
      token,
      body: report(),
      headers: { "if-match": `"${item.version}"` },
    });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe("forbidden");
    await t.db.user.update({ where: { id: staff.viewer.id }, data: { role: "EDITOR", unitId: editor.unitId } });
    try {
      const version = (await t.db.item.findUniqueOrThrow({ where: { id: item.id } })).version;
      const allowed = await callApi("POST", `/api/v1/items/${item.code}/reports`, {
        token,
        body: report("角色变更后报送"),
        headers: { "if-match": `"${version}"` },
      });
      expect(allowed.status).toBe(201);
    } finally {
      await t.db.user.update({ where: { id: staff.viewer.id }, data: { role: "VIEWER", unitId: staff.viewer.unitId } });
    }
  });

  it("refuses a write with a read-only token (403) and writes nothing", async () => {
    const token = await tokenFor(editor, "READ");
    const before = await t.db.progressUpdate.count();
    const answer = await callApi("POST", `/api/v1/items/${item.code}/reports`, {
      token,
      body: report(),
      headers: { "if-match": `"${item.version}"` },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe("read-only-token");
    expect(await t.db.progressUpdate.count()).toBe(before);
  });

  it("limits each token per minute in PostgreSQL: 429 with Retry-After, other tokens unaffected", async () => {
    process.env.API_RATE_LIMIT = "3";
    try {
      const token = await tokenFor(editor);
      const other = await tokenFor(staff.admin);
      const at = new Date("2026-12-06T02:00:10.000Z");
      clock.setClock(at);
      for (let k = 0; k < 3; k++) expect((await callApi("GET", "/api/v1/regions", { token })).status).toBe(200);
      const limited = await callApi("GET", "/api/v1/regions", { token });
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe("rate-limited");
      expect(limited.headers.get("retry-after")).toBe("50");
      expect((await callApi("GET", "/api/v1/regions", { token: other })).status).toBe(200);
      const row = await t.db.apiRateLimit.findFirstOrThrow({ where: { token: { secretHash: { not: "" } }, count: 4 } });
      expect(row.windowStart.toISOString()).toBe("2026-12-06T02:00:00.000Z");
      // the next window
      clock.setClock(new Date(at.getTime() + 60_000));
      expect((await callApi("GET", "/api/v1/regions", { token })).status).toBe(200);
    } finally {
      delete process.env.API_RATE_LIMIT;
      clock.resetClock();
    }
  });
});

describe("reads", () => {
  let token: string;
  beforeAll(async () => {
    token = await tokenFor(staff.viewer);
  });

  it("gives the dashboard's figures as the dashboard reads them", async () => {
    const answer = await callApi("GET", "/api/v1/dashboard", { token });
    expect(answer.status).toBe(200);
    const { queryHeadline } = await import("../../lib/queries/dashboard");
    const { todayInChina } = await import("../../lib/dates");
    const headline = await queryHeadline(t.db, { before: null, day: todayInChina(clock.now()) });
    const body = answer.json as { headline: { items: number; overdue: number; open: number }; pillars: unknown[] };
    expect(body.headline.items).toBe(headline.items);
    expect(body.headline.overdue).toBe(headline.overdue);
    expect(body.headline.open).toBe(headline.open);
    expect(body.pillars.length).toBe(await t.db.pillar.count());
  });

  it("pages the items list by cursor without overlap, with the list page's filters", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const answer = await callApi("GET", `/api/v1/items?level=ACTION&size=50${cursor ? `&cursor=${cursor}` : ""}`, {
        token,
      });
      expect(answer.status).toBe(200);
      const body = answer.json as {
        items: { code: string; level: string }[];
        nextCursor: string | null;
        total: number;
      };
      total = body.total;
      expect(body.items.every((i) => i.level === "ACTION")).toBe(true);
      seen.push(...body.items.map((i) => i.code));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(total).toBe(await t.db.item.count({ where: { level: "ACTION", retiredAt: null } }));

    const recommendations = await callApi("GET", "/api/v1/recommendations?size=50", { token });
    const recs = recommendations.json as { items: { level: string }[]; total: number };
    expect(recs.items.every((i) => i.level === "RECOMMENDATION")).toBe(true);
    expect(recs.total).toBe(await t.db.item.count({ where: { level: "RECOMMENDATION", retiredAt: null } }));
  });

  it("refuses bad parameters with each one's message key instead of falling back", async () => {
    const answer = await callApi("GET", "/api/v1/items?status=DONE&size=1000&unit=abc&bogus=1", {
      token,
      headers: { "accept-language": "en" },
    });
    expect(answer.status).toBe(400);
    const errors = answer.body.errors as { field: string; key: string; message: string }[];
    expect(errors.map((e) => e.field).sort()).toEqual(["bogus", "size", "status", "unit"]);
    expect(errors.find((e) => e.field === "bogus")?.key).toBe("api.validation.unknownField");
    expect(errors.find((e) => e.field === "status")?.key).toBe("validation.invalidChoice");
    expect(errors.every((e) => e.message.length > 0 && e.message !== e.key)).toBe(true);
    const unknownUnit = await callApi("GET", "/api/v1/items?unit=2000000000", { token });
    expect(unknownUnit.status).toBe(400);
    expect((unknownUnit.body.errors as { key: string }[])[0]!.key).toBe("validation.unknownId");
    const future = await callApi("GET", "/api/v1/items?asOf=2999-01-01", { token });
    expect((future.body.errors as { field: string; key: string }[])[0]).toMatchObject({
      field: "asOf",
      key: "asOf.errors.future",
    });
    const badCursor = await callApi("GET", "/api/v1/items?cursor=zzzz", { token });
    expect((badCursor.body.errors as { key: string }[])[0]!.key).toBe("api.problems.badCursor");
  });

  it("gives one item with its units, milestones, reports and history, and its version as ETag", async () => {
    const answer = await callApi("GET", `/api/v1/items/${item.code}`, { token });
    expect(answer.status).toBe(200);
    const body = answer.json as { code: string; version: number; units: { lead: { id: number } } };
    expect(body.code).toBe(item.code);
    expect(body.units.lead.id).toBe(editor.unitId);
    expect(answer.headers.get("etag")).toBe(`"${body.version}"`);
    expect((await callApi("GET", "/api/v1/items/99.99.99", { token })).status).toBe(404);
    expect((await callApi("GET", "/api/v1/items/<script>", { token })).status).toBe(404);
  });

  it("lists units, regions, conferences, pillars, periods and one period", async () => {
    const units = await callApi("GET", "/api/v1/units", { token });
    expect((units.json as { units: unknown[] }).units.length).toBe(await t.db.unit.count());
    expect((await callApi("GET", "/api/v1/regions", { token })).status).toBe(200);
    expect((await callApi("GET", "/api/v1/conferences", { token })).status).toBe(200);
    expect((await callApi("GET", "/api/v1/pillars", { token })).status).toBe(200);
    const periods = await callApi("GET", "/api/v1/periods", { token });
    const list = (periods.json as { periods: { id: number }[] }).periods;
    if (list.length > 0) expect((await callApi("GET", `/api/v1/periods/${list[0]!.id}`, { token })).status).toBe(200);
    expect((await callApi("GET", "/api/v1/periods/2000000000", { token })).status).toBe(404);
    expect((await callApi("GET", "/api/v1/periods/abc", { token })).status).toBe(404);
  });
});

describe("submitting a report", () => {
  let token: string;
  beforeAll(async () => {
    token = await tokenFor(editor, "WRITE");
  });
  const current = async () => (await t.db.item.findUniqueOrThrow({ where: { id: item.id } })).version;

  it("needs If-Match (428), refuses a stale one with what changed (412), and submits with a current one", async () => {
    const missing = await callApi("POST", `/api/v1/items/${item.code}/reports`, { token, body: report() });
    expect(missing.status).toBe(428);
    const version = await current();
    if (version > 1) {
      const stale = await callApi("POST", `/api/v1/items/${item.code}/reports`, {
        token,
        body: report(),
        headers: { "if-match": `"${version - 1}"` },
      });
      expect(stale.status).toBe(412);
      expect(stale.body.currentVersion).toBe(version);
      expect(Array.isArray(stale.body.changes)).toBe(true);
      expect(stale.headers.get("etag")).toBe(`"${version}"`);
    }
    const before = await t.db.progressUpdate.count({ where: { itemId: item.id } });
    const ok = await callApi("POST", `/api/v1/items/${item.code}/reports`, {
      token,
      body: report("通过接口报送的进展"),
      headers: { "if-match": `"${version}"` },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.code).toBe(item.code);
    expect(["SUBMITTED", "APPROVED"]).toContain(ok.body.state);
    expect(await t.db.progressUpdate.count({ where: { itemId: item.id } })).toBe(before + 1);
    const stored = await t.db.progressUpdate.findUniqueOrThrow({ where: { id: ok.body.reportId as number } });
    expect(stored).toMatchObject({ note: "通过接口报送的进展", authorId: editor.id, unitId: editor.unitId });
  });

  it("answers a retry with the same Idempotency-Key from the first answer and writes once; another body → 422", async () => {
    const version = await current();
    const key = `retry-${Date.now()}`;
    const send = (note: string) =>
      callApi("POST", `/api/v1/items/${item.code}/reports`, {
        token,
        body: report(note),
        headers: { "if-match": `"${version}"`, "idempotency-key": key },
      });
    const before = await t.db.progressUpdate.count();
    const first = await send("幂等报送");
    const second = await send("幂等报送");
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await t.db.progressUpdate.count()).toBe(before + 1);
    const other = await send("另一份内容");
    expect(other.status).toBe(422);
    expect(other.body.code).toBe("idempotency-mismatch");
    expect(await t.db.progressUpdate.count()).toBe(before + 1);
  });

  it("refuses invalid content with the report form's own message keys, and writes nothing", async () => {
    const version = await current();
    const before = await t.db.progressUpdate.count();
    const answer = await callApi("POST", `/api/v1/items/${item.code}/reports`, {
      token,
      body: { ...report(), note: "   ", evidenceLinks: ["javascript:alert(1)"] },
      headers: { "if-match": `"${version}"` },
    });
    expect(answer.status).toBe(400);
    const keys = Object.fromEntries(
      (answer.body.errors as { field: string; key: string }[]).map((e) => [e.field, e.key]),
    );
    expect(keys).toEqual({ note: "validation.required", evidenceLinks: "validation.invalidUrl" });
    const wrongType = await callApi("POST", `/api/v1/items/${item.code}/reports`, {
      token,
      body: { ...report(), progress: "40" },
      headers: { "if-match": `"${version}"` },
    });
    expect(wrongType.status).toBe(400);
    expect(await t.db.progressUpdate.count()).toBe(before);
  });

  it("refuses an editor's report on another unit's item (the permission table's ownUnit rule)", async () => {
    const foreign = await t.db.item.findFirstOrThrow({
      where: {
        level: "ACTION",
        retiredAt: null,
        leadUnitId: { not: editor.unitId },
        NOT: [{ coLeadUnitId: editor.unitId }, { supportingUnits: { some: { unitId: editor.unitId! } } }],
      },
    });
    const before = await t.db.progressUpdate.count();
    const answer = await callApi("POST", `/api/v1/items/${foreign.code}/reports`, {
      token,
      body: report(),
      headers: { "if-match": `"${foreign.version}"` },
    });
    expect(answer.status).toBe(403);
    expect(await t.db.progressUpdate.count()).toBe(before);
  });
});

describe("token writes", () => {
  it("stores only the hash, shows the secret once, and audits creation and revocation (by the owner or an administrator)", async () => {
    const made = await t.db.$transaction((tx) =>
      tokens.createApiToken(tx, editor, { name: "审计测试", scope: "READ", expiresInDays: 365 }, clock.now()),
    );
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: made.id } });
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(made.token.slice(12));
    expect(made.token.startsWith(row.prefix)).toBe(true);
    await t.db.$transaction((tx) => tokens.revokeApiToken(tx, staff.admin, made.id, clock.now()));
    const audit = await t.db.auditLog.findMany({
      where: { targetType: "token", targetId: String(made.id) },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["token.create", editor.id],
      ["token.revoke-by-admin", staff.admin.id],
    ]);
    // another editor may not revoke it (not found to them), an expiry over a year is refused by the database
    const other = await sampleAccount(t.db, { role: "EDITOR", id: { not: editor.id } });
    const made2 = await t.db.$transaction((tx) =>
      tokens.createApiToken(tx, editor, { name: "x", scope: "READ", expiresInDays: 7 }, clock.now()),
    );
    await expect(t.db.$transaction((tx) => tokens.revokeApiToken(tx, other, made2.id, clock.now()))).rejects.toThrow();
    await expect(
      t.db.$transaction((tx) =>
        tokens.createApiToken(tx, editor, { name: "x", scope: "READ", expiresInDays: 400 }, clock.now()),
      ),
    ).rejects.toThrow();
  });
});
