// The documented answer for each page and route handler: which permission it needs. Shared by the role walk
// (e2e/access.spec.ts) and the full caller matrix (e2e/access-matrix.spec.ts).
import type { Permission } from "../../lib/permissions";

/** Who may open each page: null = public. Unit-scoped pages are checked on an own and another unit's item. */
export function pagePolicy(route: string): { permission: Permission | null; scoped: boolean } {
  if (route === "/login") return { permission: null, scoped: false };
  if (route.startsWith("/admin/units")) return { permission: "unit:manage", scoped: false };
  if (route.startsWith("/admin/audit")) return { permission: "audit:read", scoped: false };
  if (route.startsWith("/admin/tree")) return { permission: "item:manage-tree", scoped: false };
  if (route.startsWith("/admin/cycle")) return { permission: "cycle:configure", scoped: false };
  if (route.startsWith("/admin/jobs")) return { permission: "jobs:manage", scoped: false };
  if (route.startsWith("/admin/calendar")) return { permission: "calendar:manage", scoped: false };
  if (route.startsWith("/admin/ratings")) return { permission: "rating:configure", scoped: false };
  if (route.startsWith("/admin/webhooks")) return { permission: "webhook:manage", scoped: false };
  if (route.startsWith("/admin")) return { permission: "user:manage", scoped: false };
  if (route === "/items/[code]/update") return { permission: "item:post-update", scoped: true };
  if (route === "/items/[code]/edit") return { permission: "item:update", scoped: true };
  if (route === "/my-items") return { permission: "item:post-update", scoped: false };
  if (route === "/items/import") return { permission: "item:import", scoped: false };
  if (route === "/reports") return { permission: "report:export", scoped: false };
  if (route.startsWith("/periods")) return { permission: "period:read", scoped: false };
  if (route === "/review") return { permission: "report:review", scoped: false };
  // The walk opens a 督办 of its editor's own unit (e2e/support/supervision-fixture.ts).
  if (route.startsWith("/supervisions")) return { permission: "supervision:read", scoped: false };
  // Editors hold rating:read for their own unit: the page shows them their unit's figures only.
  if (route.startsWith("/ratings")) return { permission: "rating:read", scoped: false };
  // the dashboard's reader: the investment roll-ups are portfolio figures like the dashboard's
  if (route === "/investment") return { permission: "portfolio:read", scoped: false };
  if (route === "/notifications" || route.startsWith("/account")) return { permission: "account:self", scoped: false };
  return { permission: "portfolio:read", scoped: false };
}

/**
 * Route handlers: the requests to make, whether each needs a signed-in user and, if so, the permission it
 * checks (401 signed out, 403 without the permission, `allowedStatus` — 200 unless said — otherwise). A path
 * may name a row the walk makes first: {evidence} is an evidence file (e2e/support/evidence-fixture.ts).
 */
export interface RouteHandlerPolicy {
  paths: string[];
  public: boolean;
  permission?: Permission;
  /** how the walk calls it: GET unless said */
  method?: "POST" | "PATCH";
  /** a POST's body */
  body?: () => FormData;
  /** the answer to a caller the permission lets through, when it is not 200 */
  allowedStatus?: number;
  /** a public handler's answer to everyone, when it is not 200 */
  publicStatus?: number;
  /** an open-API route (/api/v1): it takes a bearer token only, so a signed-in session gets 401 like a signed-out
   *  caller; e2e/api.spec.ts walks it with every role's tokens (read-only and read-write) */
  token?: { write?: boolean };
}

/** What a caller with a session (or none) gets from a route handler. */
export function sessionExpectation(
  handler: RouteHandlerPolicy,
  allowed: (permission: Permission) => boolean,
  signedIn: boolean,
): number {
  if (handler.public) return handler.publicStatus ?? 200;
  if (handler.token || !signedIn) return 401;
  if (handler.permission && !allowed(handler.permission)) return 403;
  return handler.allowedStatus ?? 200;
}

export const ROUTE_HANDLERS: Record<string, RouteHandlerPolicy> = {
  // The operations endpoints need no session (issue 19). The e2e app configures no metrics reader
  // (METRICS_ALLOW, METRICS_TOKEN), so /api/metrics refuses everyone there; e2e/reliability/operations.spec.ts
  // reads it with a token on an instance of its own.
  "/api/health": { paths: ["/api/health"], public: true },
  "/api/ready": { paths: ["/api/ready"], public: true },
  // the benchmark's minimal dynamic page (bench/sample-portfolio.ts): the number of pillars, nothing else
  "/api/floor": { paths: ["/api/floor"], public: true },
  "/api/metrics": { paths: ["/api/metrics"], public: true, publicStatus: 403 },
  "/api/auth/[...nextauth]": { paths: ["/api/auth/session", "/api/auth/providers", "/api/auth/csrf"], public: true },
  "/api/reports": {
    paths: ["/api/reports?format=json", "/api/reports?format=csv&scope=pillar&id=1"],
    public: false,
    permission: "report:export",
  },
  // The upload, with a form that carries no file: whoever may upload at all is let through the guard and told
  // to choose a file (400). Which report a person may add to is decided per report (e2e/evidence.spec.ts).
  "/api/evidence": {
    paths: ["/api/evidence"],
    public: false,
    permission: "item:post-update",
    method: "POST",
    body: () => {
      const form = new FormData();
      form.set("reportId", "1");
      return form;
    },
    allowedStatus: 400,
  },
  "/api/evidence/[id]": { paths: ["/api/evidence/{evidence}"], public: false, permission: "period:read" },
  // Period 0 never exists: the walk checks the refusals (401, 403) come before the lookup's 404. A closed
  // period's files are downloaded in e2e/periods.spec.ts.
  "/api/periods/[id]/files/[format]": {
    paths: ["/api/periods/0/files/pdf"],
    public: false,
    permission: "period:read",
    allowedStatus: 404,
  },
  // Period 0 never exists: the refusals (401, 403) come before the lookup's 404. A closed period's ratings are
  // downloaded in e2e/ratings.spec.ts.
  "/api/periods/[id]/ratings": {
    paths: ["/api/periods/0/ratings"],
    public: false,
    permission: "rating:read",
    allowedStatus: 404,
  },
  // 督办 0 never exists: the refusals (401, 403) come before the lookup's 404. A 督办's files are downloaded in
  // e2e/supervisions.spec.ts.
  "/api/supervisions/[id]/files/[format]": {
    paths: ["/api/supervisions/0/files/pdf"],
    public: false,
    permission: "supervision:read",
    allowedStatus: 404,
  },
  // The open API (/api/v1): tokens only. item 1.1 is a recommendation of the document.
  "/api/v1/openapi.json": { paths: ["/api/v1/openapi.json"], public: true },
  "/api/v1/dashboard": { paths: ["/api/v1/dashboard"], public: false, permission: "portfolio:read", token: {} },
  "/api/v1/pillars": { paths: ["/api/v1/pillars"], public: false, permission: "portfolio:read", token: {} },
  "/api/v1/recommendations": {
    paths: ["/api/v1/recommendations"],
    public: false,
    permission: "portfolio:read",
    token: {},
  },
  "/api/v1/items": { paths: ["/api/v1/items?size=5"], public: false, permission: "portfolio:read", token: {} },
  "/api/v1/items/[code]": { paths: ["/api/v1/items/1.1"], public: false, permission: "portfolio:read", token: {} },
  // POSTed without If-Match by the session walks: 401 before anything; the token walk sends a real report.
  "/api/v1/items/[code]/reports": {
    paths: ["/api/v1/items/1.1/reports"],
    public: false,
    permission: "item:post-update",
    method: "POST",
    body: () => new FormData(),
    token: { write: true },
    allowedStatus: 428,
  },
  // PATCH of the same route file (an entry of its own: one method per entry). Without If-Match: 428 before anything.
  "/api/v1/items/[code] PATCH": {
    paths: ["/api/v1/items/1.1"],
    public: false,
    permission: "item:update",
    method: "PATCH",
    body: () => new FormData(),
    token: { write: true },
    allowedStatus: 428,
  },
  // Milestone 0 never exists, but without If-Match the answer is 428 before the lookup.
  "/api/v1/items/[code]/milestones/[id]/complete": {
    paths: ["/api/v1/items/1.1/milestones/0/complete"],
    public: false,
    permission: "item:update",
    method: "POST",
    body: () => new FormData(),
    token: { write: true },
    allowedStatus: 428,
  },
  // The token walk sends JSON, not multipart/form-data: 415 once the token passes.
  "/api/v1/items/[code]/attachments": {
    paths: ["/api/v1/items/1.1/attachments"],
    public: false,
    permission: "item:post-update",
    method: "POST",
    body: () => new FormData(),
    token: { write: true },
    allowedStatus: 415,
  },
  "/api/v1/units": { paths: ["/api/v1/units"], public: false, permission: "portfolio:read", token: {} },
  "/api/v1/regions": { paths: ["/api/v1/regions"], public: false, permission: "portfolio:read", token: {} },
  "/api/v1/conferences": { paths: ["/api/v1/conferences"], public: false, permission: "portfolio:read", token: {} },
  "/api/v1/periods": { paths: ["/api/v1/periods"], public: false, permission: "period:read", token: {} },
  // Period 0 never exists: the refusals (401, 403) come before the lookup's 404.
  "/api/v1/periods/[id]": {
    paths: ["/api/v1/periods/0"],
    public: false,
    permission: "period:read",
    token: {},
    allowedStatus: 404,
  },
};
