import "server-only";
// The one guard of every /api/v1 route, as authorizeRoute is of the other route handlers. In order:
//   the reader's language (Accept-Language) → the bearer token (401: none, malformed or unknown, expired,
//   revoked, owner disabled — the owner is re-read from the users table on every request) → the token's scope
//   (a read-only token on a write: 403) → the permission table (lib/permissions.ts, the owner's current role
//   and unit: 403) → the token's rate limit (PostgreSQL, 429 + Retry-After) → the query and the body, parsed by
//   zod (400 with each field's catalogue key; an upload: its own reader) → If-Match (428 missing, 412 stale, answered by the write) →
//   Idempotency-Key (a retry gets the stored answer, another body 422) → the handler, run actingAs the owner so
//   the reads of lib/data and the writes of lib/writes see exactly the same user as the pages would.
// Every refusal is RFC 9457 problem+json (lib/http/problem.ts); nothing a client sends can produce a 500: what
// is not a refusal is logged and answered 503 ("unavailable", nothing was written).
import type { z } from "zod";
import { actingAs, type SessionUser } from "../auth/session";
import { authenticateToken, touchToken } from "../auth/api-tokens";
import { takeRequest } from "../auth/api-limits";
import { now } from "../clock";
import { isDatabaseUnavailable } from "../db-errors";
import { db } from "../db";
import { FORM_ERRORS, type ActionFailure, type FailureCode } from "../forms/result";
import { readCappedBody } from "../http/capped-body";
import { claimKey, IDEMPOTENCY_KEY_PATTERN, releaseKey, requestHash, storeAnswer } from "../http/idempotency";
import { negotiateLocale, problem, type ProblemCode, type ProblemOptions } from "../http/problem";
import type { Locale } from "../i18n/locales";
import { can, type Permission } from "../permissions";
import { describeChangesSince } from "../writes/conflict";
import { Refusal } from "../writes/failure";
import { ItemNotFoundError, VersionConflictError } from "../writes/item-change";

/** JSON bodies are small: a report's longest text is 2,000 characters. */
export const JSON_BODY_MAX = 64 * 1024;

/** Thrown by a handler (or the guard) to answer with a problem. */
export class ApiProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly options: ProblemOptions = {},
  ) {
    super(code);
    this.name = "ApiProblem";
  }
}

export interface ApiContext<Q, B> {
  user: SessionUser;
  query: Q;
  body: B;
  params: Record<string, string>;
  locale: Locale;
  request: Request;
  at: Date;
  /** the item version of If-Match (when the route takes one) */
  ifMatch: number | null;
  tokenId: number;
}

export interface ApiAnswer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface RouteSpec<Q, B> {
  permission: Permission;
  /** a write: needs a read-write token */
  write?: boolean;
  /** the query string (first value of each parameter), strict: an unknown parameter is an error */
  query?: z.ZodType<Q>;
  /** a JSON body */
  body?: z.ZodType<B>;
  /**
   * A body that is not JSON (an upload, multipart/form-data), read and checked by this function before the
   * Idempotency-Key is claimed: it throws ApiProblem, or answers the body and its fingerprint — what a retry must
   * repeat to be the same request (the file's digest, not the multipart bytes, whose boundary a retry may change).
   */
  readBody?: (request: Request, locale: Locale) => Promise<{ body: B; fingerprint: string }>;
  /** If-Match with the item's version is required */
  ifMatch?: boolean;
}

type RouteContext = { params?: Promise<Record<string, string | string[]> | undefined> };

const FAILURE_PROBLEM: Record<FailureCode, ProblemCode> = {
  unauthenticated: "unauthenticated",
  forbidden: "forbidden",
  invalid: "invalid",
  "not-found": "not-found",
  conflict: "conflict",
  unavailable: "unavailable",
};

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

/** Query parameters as an object (the first value of each), for a zod schema. */
function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (!(key in out)) out[key] = value;
  return out;
}

/** An action failure (a Refusal from lib/writes, toFailure's answer) as a problem. */
export function failureProblem(f: ActionFailure): ApiProblem {
  const code = FAILURE_PROBLEM[f.code];
  return new ApiProblem(code, {
    ...(f.fieldErrors ? { fieldErrors: f.fieldErrors } : {}),
    ...(f.message && !f.message.startsWith("actionErrors.") ? { detailKey: f.message } : {}),
  });
}

/** What the handler threw, as a problem: refusals as they are, anything else 503 (logged unless expected). */
async function problemOf(error: unknown): Promise<ApiProblem> {
  if (error instanceof ApiProblem) return error;
  if (error instanceof Refusal) return failureProblem(error.failure as ActionFailure);
  if (error instanceof VersionConflictError) {
    const info = await describeChangesSince(db(), error.itemId, error.expectedVersion);
    return new ApiProblem("precondition-failed", {
      extra: { currentVersion: info.currentVersion, changes: info.changes },
      headers: { ETag: `"${info.currentVersion}"` },
    });
  }
  if (error instanceof ItemNotFoundError) return new ApiProblem("not-found");
  // notFound() / forbidden() from a lib/data read
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) {
    return new ApiProblem(digest.endsWith(";404") ? "not-found" : "forbidden");
  }
  if (!isDatabaseUnavailable(error)) console.error("api request failed", error);
  return new ApiProblem("unavailable");
}

const CATALOGUE_KEY = /^[a-zA-Z]+(\.[\w-]+)+$/;

/**
 * A zod error as each field's catalogue keys. The pages' schemas already speak in keys; what zod says itself
 * (a JSON value of the wrong type, an unknown field, a number out of range) gets the API's own key.
 */
export function apiFieldErrors(error: z.ZodError): Record<string, string[]> {
  // no prototype: a client's field named "__proto__" (an unknown field) is a field like any other
  const out: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  const add = (field: string, key: string) => {
    const list = (out[field] ??= []);
    if (!list.includes(key)) list.push(key);
  };
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : FORM_ERRORS;
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add(key, "api.validation.unknownField");
      continue;
    }
    if (CATALOGUE_KEY.test(issue.message)) {
      add(field, issue.message);
      continue;
    }
    switch (issue.code) {
      case "invalid_type":
        add(field, issue.input === undefined ? "validation.required" : "api.validation.wrongType");
        break;
      case "too_big":
        add(
          field,
          issue.origin === "string"
            ? "validation.tooLong"
            : issue.origin === "array"
              ? "validation.tooMany"
              : "api.validation.outOfRange",
        );
        break;
      case "too_small":
        add(field, issue.origin === "string" ? "validation.required" : "api.validation.outOfRange");
        break;
      case "invalid_value":
        add(field, "validation.invalidChoice");
        break;
      default:
        add(field, "api.validation.invalidFormat");
    }
  }
  return out;
}

function zodProblem(error: z.ZodError): ApiProblem {
  return new ApiProblem("invalid", { fieldErrors: apiFieldErrors(error) });
}

/**
 * A route handler for /api/v1: `handler` runs only for a valid token of a user who holds `permission`, with
 * the parsed query and body. It returns the answer's body (and status, headers) or throws ApiProblem.
 */
export function apiRoute<Q = Record<string, never>, B = undefined>(
  spec: RouteSpec<Q, B>,
  handler: (ctx: ApiContext<Q, B>) => Promise<ApiAnswer>,
): (request: Request, context?: RouteContext) => Promise<Response> {
  return async (request, context) => {
    const locale = negotiateLocale(request.headers.get("accept-language"));
    const answer = (p: ApiProblem, extraHeaders: Record<string, string> = {}) =>
      problem(locale, p.code, { ...p.options, headers: { ...p.options.headers, ...extraHeaders } });
    const at = now();

    let auth: Awaited<ReturnType<typeof authenticateToken>>;
    try {
      auth = await authenticateToken(request.headers.get("authorization"), at);
    } catch (error) {
      return answer(await problemOf(error));
    }
    if (!auth.ok) return answer(new ApiProblem(auth.refusal));
    const { user, token } = auth;
    if (spec.write && token.scope !== "WRITE") return answer(new ApiProblem("read-only-token"));
    if (!can(user, spec.permission)) return answer(new ApiProblem("forbidden"));

    let rateHeaders: Record<string, string>;
    try {
      const rate = await takeRequest(token.id, at);
      if (!rate.ok)
        return answer(new ApiProblem("rate-limited", { values: { seconds: rate.retryAfterSeconds } }), {
          "Retry-After": String(rate.retryAfterSeconds),
          "RateLimit-Limit": String(rate.limit),
          "RateLimit-Remaining": "0",
        });
      rateHeaders = {
        "RateLimit-Limit": String(rate.limit),
        "RateLimit-Remaining": String(rate.remaining),
        "RateLimit-Reset": String(rate.resetSeconds),
      };
      await touchToken(token.id, token.lastUsedAt, at);
    } catch (error) {
      return answer(await problemOf(error));
    }
    const reply = (p: ApiProblem) => answer(p, rateHeaders);

    // the query
    const url = new URL(request.url);
    let query = {} as Q;
    if (spec.query) {
      const parsed = spec.query.safeParse(queryObject(url));
      if (!parsed.success) return reply(zodProblem(parsed.error));
      query = parsed.data;
    }
    // A route without dynamic segments gets no params from Next.js (context.params resolves to undefined).
    const rawParams = (await context?.params) ?? {};
    const params = Object.fromEntries(
      Object.entries(rawParams).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]),
    );

    // If-Match: the item version the client read (an ETag "N", or N)
    let ifMatch: number | null = null;
    if (spec.ifMatch) {
      const raw = request.headers.get("if-match");
      if (raw === null) return reply(new ApiProblem("precondition-required"));
      const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
      if (!match || Number(match[1]) < 1) return reply(new ApiProblem("precondition-failed"));
      ifMatch = Number(match[1]);
    }

    // the body
    let body = undefined as B;
    let bodyBytes: Uint8Array = new Uint8Array(0);
    if (spec.body) {
      const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
      if (type !== "application/json") return reply(new ApiProblem("unsupported-media-type"));
      const read = await readCappedBody(request, JSON_BODY_MAX);
      if (!read.ok)
        return reply(
          new ApiProblem(read.reason === "tooLarge" ? "payload-too-large" : "malformed-json", {
            values: { max: JSON_BODY_MAX },
          }),
        );
      bodyBytes = read.bytes;
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(read.bytes));
      } catch {
        return reply(new ApiProblem("malformed-json"));
      }
      const parsed = spec.body.safeParse(json);
      if (!parsed.success) return reply(zodProblem(parsed.error));
      body = parsed.data;
    } else if (spec.readBody) {
      try {
        const read = await spec.readBody(request, locale);
        body = read.body;
        bodyBytes = new TextEncoder().encode(read.fingerprint);
      } catch (error) {
        return reply(await problemOf(error));
      }
    }

    // Idempotency-Key (POST): claimed before the write, the answer stored after it
    const key = request.method === "POST" ? request.headers.get("idempotency-key") : null;
    if (key !== null && !IDEMPOTENCY_KEY_PATTERN.test(key))
      return reply(
        new ApiProblem("invalid", { fieldErrors: { "Idempotency-Key": ["api.problems.badIdempotencyKey"] } }),
      );
    if (key !== null) {
      try {
        const claim = await claimKey(
          token.id,
          key,
          requestHash(request.method, `${url.pathname}|${ifMatch ?? ""}`, bodyBytes),
          at,
        );
        if (claim.kind === "mismatch") return reply(new ApiProblem("idempotency-mismatch"));
        if (claim.kind === "in-progress") return reply(new ApiProblem("idempotency-in-progress"));
        if (claim.kind === "replay") {
          const stored = claim.body as { body: unknown; headers?: Record<string, string> };
          return jsonResponse(claim.status, stored.body, {
            ...rateHeaders,
            ...stored.headers,
            "Idempotent-Replayed": "true",
          });
        }
      } catch (error) {
        return reply(await problemOf(error));
      }
    }

    let result: ApiAnswer | ApiProblem;
    try {
      result = await actingAs(user, () =>
        handler({ user, query, body, params, locale, request, at, ifMatch, tokenId: token.id }),
      );
    } catch (error) {
      result = await problemOf(error);
    }

    if (result instanceof ApiProblem) {
      // A refused request wrote nothing: its key is forgotten, and a retry is judged afresh.
      if (key !== null) await releaseKey(token.id, key).catch(() => undefined);
      return reply(result);
    }
    const status = result.status ?? 200;
    if (key !== null)
      await storeAnswer(token.id, key, status, { body: result.body, headers: result.headers }).catch((error: unknown) =>
        console.error("storing an idempotent answer failed", error),
      );
    return jsonResponse(status, result.body, { ...rateHeaders, ...result.headers });
  };
}
