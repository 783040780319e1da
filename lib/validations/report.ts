// The report page's and the report route's URL parameters: scope (+ id or filters), asOf, compare, format.
// Unlike the items list, a report refuses bad parameters instead of falling back: a downloaded report must be
// exactly what was asked for. Each issue names the parameter and carries a message key (namespaced, for
// getTranslations() at the root) that the page shows and the route answers with a 400.
import { z } from "zod";
import { addDays, todayInChina } from "../dates";
import type { ReportFormat, ReportPeriod, ReportPeriodChoice, ReportScope } from "../report/types";
import { SIDES } from "./browse";
import { dayParamSchema } from "./as-of";
import { idParam } from "./id";
import { now as clockNow } from "../clock";

export const REPORT_SCOPE_KINDS = ["all", "pillar", "unit", "side", "region", "filters"] as const;
export const REPORT_FORMATS = ["xlsx", "csv", "docx", "pdf", "json"] as const satisfies readonly ReportFormat[];
/** The default comparison: this many days before the as-of day. */
export const DEFAULT_COMPARE_DAYS = 30;
/** `compare=none` asks for a report without a "changes since" section. */
export const NO_COMPARE = "none";
export const MAX_FILTERS_LENGTH = 1000;

export type ReportParam = "scope" | "id" | "filters" | "asOf" | "period" | "compare" | "format";

export interface ReportParamIssue {
  param: ReportParam;
  value: string;
  message: string;
}

export interface ReportParams {
  scope: ReportScope;
  asOf: string;
  /** as of this closed period's close instant (then asOf is that instant's day in China); null = end of asOf */
  period: ReportPeriod | null;
  compare: string | null;
  format: ReportFormat;
}

const pillarSchema = z.coerce
  .number({ message: "validation.notANumber" })
  .int("validation.notAnInteger")
  .min(1, "validation.unknownId")
  .max(99, "validation.unknownId");
const sideSchema = z.enum(SIDES, { message: "validation.invalidChoice" });

type Raw = string | string[] | undefined;
const first = (v: Raw): string | undefined => {
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s.trim() === "" ? undefined : s.trim();
};

/** asOf − n days, as YYYY-MM-DD (calendar arithmetic on the date itself, no time zone involved). */
export function daysBefore(day: string, n: number): string {
  return addDays(day, -n);
}

/**
 * Parses URLSearchParams or a page's searchParams; `now` fixes "today" (China) for tests. `periods` are the
 * reporting periods (lib/data/reports.ts reads them): `period=ID` must name a closed one, and then takes the
 * place of asOf (the report is as of its close instant; an asOf sent alongside is ignored).
 */
export function parseReportParams(
  input: URLSearchParams | Record<string, Raw>,
  now: Date = clockNow(),
  periods: readonly ReportPeriodChoice[] = [],
): { ok: true; params: ReportParams } | { ok: false; issues: ReportParamIssue[] } {
  const get = (k: ReportParam): string | undefined =>
    first(input instanceof URLSearchParams ? (input.get(k) ?? undefined) : input[k]);
  const issues: ReportParamIssue[] = [];
  const refuse = (param: ReportParam, value: string, message: string) =>
    issues.push({ param, value: value.slice(0, 60), message });
  const today = todayInChina(now);
  const daySchema = dayParamSchema(today);

  const kindRaw = get("scope") ?? "all";
  const kind = (REPORT_SCOPE_KINDS as readonly string[]).includes(kindRaw)
    ? (kindRaw as (typeof REPORT_SCOPE_KINDS)[number])
    : null;
  if (kind === null) refuse("scope", kindRaw, "validation.invalidChoice");
  let scope: ReportScope = { kind: "all" };
  // The page's form sends the id under the scope's own name (pillar=, unit=, side=, region=): one select each.
  const named =
    kind === "pillar" || kind === "unit" || kind === "side" || kind === "region"
      ? first(input instanceof URLSearchParams ? (input.get(kind) ?? undefined) : input[kind])
      : undefined;
  const idRaw = get("id") ?? named;
  const withId = <T>(schema: z.ZodType<T>, make: (v: T) => ReportScope) => {
    if (idRaw === undefined) return refuse("id", "", "validation.required");
    const parsed = schema.safeParse(idRaw);
    if (parsed.success) scope = make(parsed.data);
    else refuse("id", idRaw, parsed.error.issues[0]?.message ?? "validation.invalidChoice");
  };
  if (kind === "pillar") withId(pillarSchema, (n) => ({ kind: "pillar", pillarNumber: n }));
  if (kind === "unit") withId(idParam, (n) => ({ kind: "unit", unitId: n }));
  if (kind === "region") withId(idParam, (n) => ({ kind: "region", regionId: n }));
  if (kind === "side") withId(sideSchema, (s) => ({ kind: "side", side: s }));
  if (kind === "filters") {
    const filters = (input instanceof URLSearchParams ? input.get("filters") : first(input.filters)) ?? "";
    if (filters.length > MAX_FILTERS_LENGTH) refuse("filters", filters, "validation.tooLong");
    else scope = { kind: "filters", search: filters.replace(/^\?/, "") };
  }

  let asOf = today;
  let period: ReportPeriod | null = null;
  const periodRaw = get("period");
  if (periodRaw !== undefined) {
    const parsed = idParam.safeParse(periodRaw);
    const found = parsed.success ? periods.find((p) => p.id === parsed.data) : undefined;
    if (!parsed.success) refuse("period", periodRaw, parsed.error.issues[0]?.message ?? "validation.unknownId");
    else if (found === undefined) refuse("period", periodRaw, "reports.errors.periodUnknown");
    else if (found.closedAt === null) refuse("period", periodRaw, "reports.errors.periodNotClosed");
    else {
      period = { id: found.id, label: found.label, labelEn: found.labelEn, closedAt: found.closedAt.toISOString() };
      asOf = todayInChina(found.closedAt);
    }
  }
  const asOfRaw = period === null && periodRaw === undefined ? get("asOf") : undefined;
  if (asOfRaw !== undefined) {
    const parsed = daySchema.safeParse(asOfRaw);
    if (parsed.success) asOf = parsed.data;
    else refuse("asOf", asOfRaw, parsed.error.issues[0]?.message ?? "validation.invalidDate");
  }

  let compare: string | null = daysBefore(asOf, DEFAULT_COMPARE_DAYS);
  const compareRaw = get("compare");
  if (compareRaw === NO_COMPARE) compare = null;
  else if (compareRaw !== undefined) {
    const parsed = daySchema.safeParse(compareRaw);
    if (!parsed.success) refuse("compare", compareRaw, parsed.error.issues[0]?.message ?? "validation.invalidDate");
    else if (parsed.data >= asOf) refuse("compare", compareRaw, "asOf.errors.compareNotEarlier");
    else compare = parsed.data;
  }

  const formatRaw = get("format") ?? "xlsx";
  const format = (REPORT_FORMATS as readonly string[]).includes(formatRaw) ? (formatRaw as ReportFormat) : null;
  if (format === null) refuse("format", formatRaw, "validation.invalidChoice");

  if (issues.length > 0 || format === null) return { ok: false, issues };
  return { ok: true, params: { scope, asOf, period, compare, format } };
}

/** The query string for a report (route or page), only what differs from the defaults. */
export function reportSearch(p: {
  scope: ReportScope;
  asOf: string;
  period?: ReportPeriod | null;
  compare: string | null;
  format?: ReportFormat;
}): string {
  const sp = new URLSearchParams();
  const s = p.scope;
  if (s.kind !== "all") sp.set("scope", s.kind);
  if (s.kind === "pillar") sp.set("id", String(s.pillarNumber));
  if (s.kind === "unit") sp.set("id", String(s.unitId));
  if (s.kind === "region") sp.set("id", String(s.regionId));
  if (s.kind === "side") sp.set("id", s.side);
  if (s.kind === "filters") sp.set("filters", s.search);
  if (p.period) sp.set("period", String(p.period.id));
  else sp.set("asOf", p.asOf);
  sp.set("compare", p.compare ?? NO_COMPARE);
  if (p.format) sp.set("format", p.format);
  return sp.toString();
}
