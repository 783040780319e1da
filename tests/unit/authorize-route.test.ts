// authorizeRoute, the one-line guard of route handlers: the user when allowed, otherwise the ready answer —
// 401 signed out, 403 without the permission, 503 when the user cannot be read — worded by the route.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "../../lib/auth/session";
import { translator } from "../../lib/i18n/translator";

let current: () => Promise<SessionUser | null>;
vi.mock("../../lib/auth/session", () => ({ getCurrentUser: () => current() }));
const { authorizeRoute } = await import("../../lib/auth/authorize-route");

const t = translator("zh-CN", "reports.errors");
const user = (role: SessionUser["role"]): SessionUser => ({
  id: 7,
  role,
  unitId: 3,
  loginName: "u",
  displayName: "U",
  unitName: null,
});
const answer = async (result: SessionUser | Response) => {
  expect(result).toBeInstanceOf(Response);
  const response = result as Response;
  expect(response.headers.get("cache-control")).toBe("no-store");
  return [response.status, await response.text()];
};

describe("authorizeRoute", () => {
  beforeEach(() => {
    current = async () => null;
  });

  it("returns the signed-in user who holds the permission", async () => {
    const viewer = user("VIEWER");
    current = async () => viewer;
    expect(await authorizeRoute("report:export", t)).toBe(viewer);
  });

  it("answers 401 signed out and 403 without the permission, in the route's words", async () => {
    expect(await answer(await authorizeRoute("report:export", t))).toEqual([401, "请先登录。"]);
    current = async () => user("VIEWER");
    expect(await answer(await authorizeRoute("item:import", t))).toEqual([403, "您没有导出报告的权限。"]);
    current = async () => user("EDITOR");
    const scope = { leadUnitId: 4, coLeadUnitId: null, supportingUnitIds: [] };
    expect((await answer(await authorizeRoute("item:update", t, scope)))[0]).toBe(403);
  });

  it("answers 503 when the user cannot be read, never throwing", async () => {
    current = async () => {
      throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    };
    expect(await answer(await authorizeRoute("report:export", t))).toEqual([503, "数据库暂时不可用，请稍后重试。"]);
  });
});
