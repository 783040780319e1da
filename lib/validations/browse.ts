// The items list's URL parameters. Every parameter is parsed on its own: a bad value is reported (the page
// shows which one and what it did instead) and falls back to its default, so a hand-edited or stale link
// still answers with a list, never with an error page.
import { z } from "zod";
import { ITEM_LIGHTS } from "../item-light";
import { ITEM_STATUSES } from "../status";
import { idParam } from "./id";

export const SORT_KEYS = ["code", "due", "progress", "updated", "lead"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SIDES = ["SICHUAN", "CHONGQING", "JOINT", "NATIONAL"] as const;
export const CONFIDENCES = ["GREEN", "AMBER", "RED"] as const;
/** The confidence filter: one of CONFIDENCES, or NONE for items with no confidence given. */
export const CONFIDENCE_FILTERS = [...CONFIDENCES, "NONE"] as const;
export const LEVELS = ["RECOMMENDATION", "ACTION"] as const;
// At most 50 rows: a row of the list costs about 2.6 KB of HTML and RSC payload, and issue 18 holds the page to
// 300 KB at any size (100 rows were 309 KB on the sample alone, more with a large portfolio's filter options).
export const PAGE_SIZES = [10, 25, 50] as const;
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_QUERY_LENGTH = 100;

const flag = z.enum(["1", "true"], { message: "validation.invalidChoice" }).transform(() => true);

/** One schema per parameter, so each can fail alone. */
export const browseParamSchemas = {
  pillar: z.coerce
    .number({ message: "validation.notANumber" })
    .int("validation.notAnInteger")
    .min(1, "validation.unknownId")
    .max(99, "validation.unknownId"),
  status: z.enum(ITEM_STATUSES, { message: "validation.invalidChoice" }),
  confidence: z.enum(CONFIDENCE_FILTERS, { message: "validation.invalidChoice" }),
  level: z.enum(LEVELS, { message: "validation.invalidChoice" }),
  unit: idParam,
  leadOnly: flag,
  side: z.enum(SIDES, { message: "validation.invalidChoice" }),
  region: idParam,
  conference: z.coerce
    .number({ message: "validation.notANumber" })
    .int("validation.notAnInteger")
    .min(1, "validation.unknownId")
    .max(999, "validation.unknownId"),
  overdue: flag,
  /** 红黄灯: RED = overdue, AMBER = due within the reminder's working days, GREEN = later */
  light: z.enum(ITEM_LIGHTS, { message: "validation.invalidChoice" }),
  stale: flag,
  open: flag,
  attention: flag,
  // U+0000 cannot be sent to PostgreSQL (the query fails: a 500); it is invisible, so it is dropped.
  q: z
    .string()
    .trim()
    .max(MAX_QUERY_LENGTH, "browse.queryTooLong")
    .transform((s) => s.replaceAll("\u0000", "")),
  sort: z.enum(SORT_KEYS, { message: "validation.invalidChoice" }),
  dir: z.enum(["asc", "desc"], { message: "validation.invalidChoice" }),
  page: z.coerce
    .number({ message: "validation.notANumber" })
    .int("validation.notAnInteger")
    .min(1, "browse.invalidPage")
    .max(100_000, "browse.invalidPage"),
  size: z.coerce
    .number({ message: "validation.notANumber" })
    .int("validation.notAnInteger")
    .min(1, "browse.invalidSize")
    .max(PAGE_SIZES[PAGE_SIZES.length - 1]!, "browse.invalidSize"),
} as const;

export type BrowseParam = keyof typeof browseParamSchemas;

export interface BrowseFilters {
  pillar?: number;
  status?: (typeof ITEM_STATUSES)[number];
  confidence?: (typeof CONFIDENCE_FILTERS)[number];
  level?: (typeof LEVELS)[number];
  /** lead or co-lead unit id */
  unit?: number;
  /** with `unit`: only items it leads, not those it co-leads (the dashboard's accountability by lead unit) */
  leadOnly?: boolean;
  side?: (typeof SIDES)[number];
  region?: number;
  /** conference number (第 N 次联席会议) */
  conference?: number;
  overdue?: boolean;
  /** the item's light on the day (lib/item-light.ts) */
  light?: (typeof ITEM_LIGHTS)[number];
  stale?: boolean;
  /** neither completed nor cancelled */
  open?: boolean;
  /** overdue, or open and off track (red): the dashboard's 逾期与滞后事项 */
  attention?: boolean;
  q?: string;
}

export interface BrowseQuery extends BrowseFilters {
  sort: SortKey;
  dir: "asc" | "desc";
  page: number;
  size: number;
}

export interface ParamIssue {
  param: BrowseParam;
  /** the value as received, shortened for display */
  value: string;
  /** message key ("validation.*") */
  message: string;
}

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a parameter; an empty value means "not set" (what an empty form field submits). */
function first(raw: string | string[] | undefined): string | undefined {
  const v = Array.isArray(raw) ? raw[0] : raw;
  return v === undefined || v.trim() === "" ? undefined : v;
}

export function parseBrowseParams(params: SearchParams): { query: BrowseQuery; issues: ParamIssue[] } {
  const issues: ParamIssue[] = [];
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(browseParamSchemas) as BrowseParam[]) {
    const raw = first(params[key]);
    if (raw === undefined) continue;
    const parsed = browseParamSchemas[key].safeParse(raw);
    if (parsed.success) {
      if (parsed.data !== "") out[key] = parsed.data;
    } else {
      issues.push({
        param: key,
        value: raw.slice(0, 40),
        message: parsed.error.issues[0]?.message ?? "validation.invalidChoice",
      });
    }
  }
  const query = {
    sort: "code",
    dir: "asc",
    page: 1,
    size: DEFAULT_PAGE_SIZE,
    ...out,
  } as BrowseQuery;
  return { query, issues };
}

/** Rebuilds the query string of a view (only what differs from the defaults), for links and pagination. */
export function browseSearch(
  query: Partial<BrowseQuery> & Record<string, unknown>,
  extra: Record<string, string | undefined> = {},
): string {
  const sp = new URLSearchParams();
  for (const key of Object.keys(browseParamSchemas) as BrowseParam[]) {
    const v = query[key];
    if (v === undefined || v === false || v === "") continue;
    if (key === "sort" && v === "code") continue;
    if (key === "dir" && v === "asc") continue;
    if (key === "page" && v === 1) continue;
    if (key === "size" && v === DEFAULT_PAGE_SIZE) continue;
    sp.set(key, v === true ? "1" : String(v));
  }
  for (const [k, v] of Object.entries(extra)) if (v) sp.set(k, v);
  const s = sp.toString();
  return s ? `?${s}` : "";
}
