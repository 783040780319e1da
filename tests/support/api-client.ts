// Calls the /api/v1 route handlers as Next calls them (a Request, and the route's params), and checks EVERY
// answer against the OpenAPI document (lib/api/openapi.ts) with ajv (draft 2020-12, the dialect of OpenAPI
// 3.1): the operation must exist, the status must be documented for it, and the body must validate against
// the documented schema of that status and content type. A test that gets an undocumented answer fails.
import Ajv2020 from "ajv/dist/2020";
import { expect } from "vitest";
import { openApiDocument } from "../../lib/api/openapi";

type Handler = (
  request: Request,
  context?: { params: Promise<Record<string, string> | undefined> },
) => Promise<Response> | Response;
type RouteModule = Partial<Record<"GET" | "POST" | "PATCH" | "PUT" | "DELETE", Handler>>;

/** Every /api/v1 route: its OpenAPI path template and how to load its module. */
export const API_ROUTES: { template: string; file: string; load: () => Promise<RouteModule> }[] = [
  { template: "/api/v1/dashboard", file: "dashboard/route.ts", load: () => import("../../app/api/v1/dashboard/route") },
  { template: "/api/v1/pillars", file: "pillars/route.ts", load: () => import("../../app/api/v1/pillars/route") },
  {
    template: "/api/v1/recommendations",
    file: "recommendations/route.ts",
    load: () => import("../../app/api/v1/recommendations/route"),
  },
  { template: "/api/v1/items", file: "items/route.ts", load: () => import("../../app/api/v1/items/route") },
  {
    template: "/api/v1/items/{code}",
    file: "items/[code]/route.ts",
    load: () => import("../../app/api/v1/items/[code]/route"),
  },
  {
    template: "/api/v1/items/{code}/reports",
    file: "items/[code]/reports/route.ts",
    load: () => import("../../app/api/v1/items/[code]/reports/route"),
  },
  {
    template: "/api/v1/items/{code}/milestones/{id}/complete",
    file: "items/[code]/milestones/[id]/complete/route.ts",
    load: () => import("../../app/api/v1/items/[code]/milestones/[id]/complete/route"),
  },
  {
    template: "/api/v1/items/{code}/attachments",
    file: "items/[code]/attachments/route.ts",
    load: () => import("../../app/api/v1/items/[code]/attachments/route"),
  },
  { template: "/api/v1/units", file: "units/route.ts", load: () => import("../../app/api/v1/units/route") },
  { template: "/api/v1/regions", file: "regions/route.ts", load: () => import("../../app/api/v1/regions/route") },
  {
    template: "/api/v1/conferences",
    file: "conferences/route.ts",
    load: () => import("../../app/api/v1/conferences/route"),
  },
  { template: "/api/v1/periods", file: "periods/route.ts", load: () => import("../../app/api/v1/periods/route") },
  {
    template: "/api/v1/periods/{id}",
    file: "periods/[id]/route.ts",
    load: () => import("../../app/api/v1/periods/[id]/route"),
  },
  {
    template: "/api/v1/openapi.json",
    file: "openapi.json/route.ts",
    load: () => import("../../app/api/v1/openapi.json/route"),
  },
];

function match(template: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const pattern = template.replace(/[.]/g, "\\.").replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  const m = new RegExp(`^${pattern}$`).exec(path);
  if (!m) return null;
  return Object.fromEntries(names.map((n, k) => [n, decodeURIComponent(m[k + 1]!)]));
}

const document = openApiDocument() as unknown as {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
  >;
};
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema(document as object, "openapi");
const pointer = (segments: string[]) => segments.map((s) => s.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

export interface ApiAnswer {
  status: number;
  headers: Headers;
  json: unknown;
  /** the body as received (problem or data) */
  body: Record<string, unknown>;
}

/** Whether an answer matches the document (null when it does, else why not). */
export function contractViolation(template: string, method: string, status: number, type: string, json: unknown) {
  const operation = document.paths[template]?.[method.toLowerCase()];
  if (!operation) return `${method} ${template} is not in the OpenAPI document`;
  const response = operation.responses[String(status)];
  if (!response) return `${method} ${template} answered ${status}, which the document does not list`;
  const mediaType = type.split(";")[0]!.trim();
  const content = response.content?.[mediaType];
  if (!content) return `${method} ${template} ${status} answered ${mediaType}, which the document does not list`;
  if (content.schema === undefined) return null;
  const ref = `openapi#/${pointer(["paths", template, method.toLowerCase(), "responses", String(status), "content", mediaType, "schema"])}`;
  const validate = ajv.getSchema(ref);
  if (!validate) return `no schema at ${ref}`;
  if (validate(json)) return null;
  return `${method} ${template} ${status}: ${ajv.errorsText(validate.errors)}`;
}

let checked = 0;
export const contractChecks = () => checked;

export async function callApi(
  method: string,
  path: string,
  options: {
    token?: string | null;
    body?: unknown;
    rawBody?: string;
    /** a multipart/form-data body (its Content-Type, with the boundary, is set by the Request) */
    form?: FormData;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiAnswer> {
  const url = new URL(path, "http://127.0.0.1:3000");
  const route = API_ROUTES.map((r) => ({ r, params: match(r.template, url.pathname) })).find((x) => x.params);
  if (!route) throw new Error(`no API route for ${url.pathname}`);
  const loaded = await route.r.load();
  const handler = loaded[method as keyof RouteModule];
  if (!handler) throw new Error(`${method} ${route.r.template} has no handler`);
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: string | FormData | undefined = options.form ?? options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  // As Next.js does: a route without dynamic segments gets params that resolve to undefined.
  const params = Object.keys(route.params!).length > 0 ? route.params! : undefined;
  const response = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve(params) });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  const json: unknown = text === "" ? null : JSON.parse(text);
  const violation = contractViolation(route.r.template, method, response.status, type, json);
  expect(violation, `contract: ${JSON.stringify(json).slice(0, 400)}`).toBeNull();
  checked++;
  return { status: response.status, headers: response.headers, json, body: (json ?? {}) as Record<string, unknown> };
}
