// The open API's (/api/v1) schemas: query parameters, request bodies and answers, in zod. The same schemas
// parse the requests (lib/api/guard.ts), shape the answers and generate the OpenAPI 3.1 document
// (lib/api/openapi.ts), so the document cannot drift from what the routes do. Query parameters reuse the
// pages' own parameter schemas (lib/validations/browse.ts); request bodies carry the JSON types and limits,
// and each write then parses them with the pages' form schema (lib/validations/items.ts, reports.ts), so the
// API and the pages refuse exactly the same input with the same message keys.
import "zod-openapi";
import { z } from "zod";
import { DIRECTIONS } from "../indicators";
import { ITEM_LIGHTS } from "../item-light";
import { ITEM_STATUSES } from "../status";
import { browseParamSchemas, CONFIDENCES, LEVELS, SIDES } from "./browse";
import { MAX_ID } from "./id";
import { DOC_NUMBER_MAX } from "./report-limits";
import { EVIDENCE_MAX, NOTE_MAX, PERSON_MAX, REASON_MAX, TEXT_MAX, URL_MAX } from "./item-limits";

// ---- problems (lib/http/problem.ts writes them) ---------------------------------------------------------------

export const PROBLEM_CODES = [
  "unauthenticated",
  "token-invalid",
  "token-expired",
  "token-revoked",
  "owner-disabled",
  "read-only-token",
  "forbidden",
  "invalid",
  "malformed-json",
  "unsupported-media-type",
  "payload-too-large",
  "not-found",
  "conflict",
  "precondition-required",
  "precondition-failed",
  "idempotency-mismatch",
  "idempotency-in-progress",
  "rate-limited",
  "unavailable",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const PROBLEM_STATUS: Record<ProblemCode, number> = {
  unauthenticated: 401,
  "token-invalid": 401,
  "token-expired": 401,
  "token-revoked": 401,
  "owner-disabled": 401,
  "read-only-token": 403,
  forbidden: 403,
  invalid: 400,
  "malformed-json": 400,
  "unsupported-media-type": 415,
  "payload-too-large": 413,
  "not-found": 404,
  conflict: 409,
  "precondition-required": 428,
  "precondition-failed": 412,
  "idempotency-mismatch": 422,
  "idempotency-in-progress": 409,
  "rate-limited": 429,
  unavailable: 503,
};

// ---- shared pieces -----------------------------------------------------------------------------------------

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ format: "date", example: "2026-12-06" });
const instant = z.string().meta({ format: "date-time", example: "2026-12-06T08:00:00.000Z" });
const side = z.enum(SIDES);
const status = z.enum(ITEM_STATUSES);
const confidence = z.enum(CONFIDENCES);

export const problemSchema = z
  .object({
    type: z.string().meta({ description: "a link to the problem's explanation on /api-docs" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(PROBLEM_CODES),
    errors: z
      .array(
        z.object({
          field: z.string(),
          key: z.string().meta({ description: "the UI's message key, e.g. validation.required" }),
          message: z.string(),
        }),
      )
      .optional(),
    currentVersion: z.number().int().optional().meta({ description: "412: the item's version now" }),
    changes: z
      .array(
        z.object({
          field: z.string(),
          kind: z.string(),
          from: z.string().nullable(),
          to: z.string().nullable(),
          version: z.number().int(),
          by: z.string().nullable(),
          at: z.string(),
        }),
      )
      .optional()
      .meta({ description: "412: what changed since the version the client sent" }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });

/** A day parameter; the handler checks it against today (not in the future, compare before asOf). */
const dayParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalidDate")
  .meta({ format: "date" });

export const asOfQuerySchema = z.strictObject({
  asOf: dayParam.optional().meta({ description: "the portfolio as it stood at the end of this day (China time)" }),
  compare: dayParam.optional().meta({ description: "and what differed from the end of this earlier day" }),
});

export const noQuerySchema = z.strictObject({});

const unitRef = z.object({ id: z.number().int(), name: z.string(), side }).meta({ id: "UnitRef" });

// ---- reference data -----------------------------------------------------------------------------------------

export const unitSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    shortName: z.string().nullable(),
    side,
    kind: z.string(),
  })
  .meta({ id: "Unit" });
export const unitListSchema = z.object({ units: z.array(unitSchema) });

export const regionSchema = z
  .object({ id: z.number().int(), name: z.string(), side, kind: z.string() })
  .meta({ id: "Region" });
export const regionListSchema = z.object({ regions: z.array(regionSchema) });

export const conferenceSchema = z
  .object({ number: z.number().int(), date: day, theme: z.string(), summary: z.string() })
  .meta({ id: "Conference" });
export const conferenceListSchema = z.object({ conferences: z.array(conferenceSchema) });

// ---- pillars, dashboard --------------------------------------------------------------------------------------

export const pillarSchema = z
  .object({
    number: z.number().int(),
    title: z.string(),
    titleEn: z.string(),
    theme: z.string(),
    progress: z.number().nullable().meta({ description: "weighted progress, 0–100" }),
    actions: z.number().int(),
    completed: z.number().int(),
    overdue: z.number().int(),
    recommendations: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        titleEn: z.string().nullable(),
        progress: z.number(),
        status,
      }),
    ),
  })
  .meta({ id: "Pillar" });
export const pillarListSchema = z.object({ asOf: day.nullable(), pillars: z.array(pillarSchema) });

export const headlineSchema = z
  .object({
    items: z.number().int(),
    overall: z.number().nullable(),
    green: z.number().int(),
    amber: z.number().int(),
    red: z.number().int(),
    open: z.number().int(),
    completed: z.number().int(),
    overdue: z.number().int(),
    stale: z.number().int(),
  })
  .meta({ id: "Headline", description: "the dashboard's headline figures (action items)" });

export const dashboardSchema = z
  .object({
    asOf: day.nullable(),
    day,
    headline: headlineSchema,
    pillars: z.array(pillarSchema),
  })
  .meta({ id: "Dashboard" });

// ---- items ---------------------------------------------------------------------------------------------------

/** The items list's parameters: the list page's own schemas, plus an opaque cursor instead of a page number. */
export const itemsQuerySchema = z.strictObject({
  pillar: browseParamSchemas.pillar.optional(),
  status: browseParamSchemas.status.optional(),
  confidence: browseParamSchemas.confidence.optional(),
  level: browseParamSchemas.level.optional(),
  unit: browseParamSchemas.unit.optional().meta({ description: "lead or co-lead unit id" }),
  leadOnly: browseParamSchemas.leadOnly.optional(),
  side: browseParamSchemas.side.optional(),
  region: browseParamSchemas.region.optional(),
  conference: browseParamSchemas.conference.optional(),
  overdue: browseParamSchemas.overdue.optional(),
  light: browseParamSchemas.light.optional(),
  stale: browseParamSchemas.stale.optional(),
  open: browseParamSchemas.open.optional(),
  attention: browseParamSchemas.attention.optional(),
  q: browseParamSchemas.q.optional(),
  sort: browseParamSchemas.sort.optional(),
  dir: browseParamSchemas.dir.optional(),
  size: browseParamSchemas.size.optional(),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, "api.problems.badCursor")
    .optional()
    .meta({ description: "nextCursor of the previous page" }),
  asOf: asOfQuerySchema.shape.asOf,
  compare: asOfQuerySchema.shape.compare,
});
export const recommendationsQuerySchema = itemsQuerySchema.omit({ level: true });

export const itemRowSchema = z
  .object({
    code: z.string(),
    level: z.enum(LEVELS),
    title: z.string(),
    titleEn: z.string().nullable(),
    pillar: z.number().int(),
    leadUnit: unitRef.nullable(),
    coLeadUnit: z.object({ name: z.string(), side }).nullable(),
    side: side.nullable(),
    status,
    confidence: confidence.nullable(),
    progress: z.number().nullable(),
    dueDate: day.nullable(),
    lastUpdateAt: instant.nullable(),
    overdue: z.boolean(),
    stale: z.boolean(),
    light: z.enum(ITEM_LIGHTS).nullable(),
    compare: z
      .object({
        existed: z.boolean(),
        status: status.nullable(),
        progress: z.number().nullable(),
        dueDate: day.nullable(),
        overdue: z.boolean().nullable(),
      })
      .nullable()
      .meta({ description: "with compare: the item as it stood on the compare day" }),
  })
  .meta({ id: "ItemRow" });

export const itemListSchema = z
  .object({
    asOf: day.nullable(),
    compare: day.nullable(),
    total: z.number().int(),
    items: z.array(itemRowSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "ItemList" });

const reportEntry = z.object({
  id: z.number().int(),
  state: z.enum(["APPROVED", "SUBMITTED", "RETURNED"]),
  createdAt: instant,
  author: z.string().nullable(),
  unit: unitRef.nullable(),
  status,
  progress: z.number().int(),
  confidence,
  note: z.string(),
  nextSteps: z.string().nullable(),
  blockers: z.string().nullable(),
  evidenceLinks: z.array(z.string()),
  attachments: z.array(
    z
      .object({
        id: z.number().int(),
        fileName: z.string(),
        mediaType: z.string(),
        size: z.number().int(),
        sha256: z.string(),
        createdAt: instant,
      })
      .meta({ id: "AttachmentMeta" }),
  ),
});

/** A 指标 figure: exact decimal text (up to 14 integer digits and 4 decimals), never a JSON number. */
const figure = z
  .string()
  .regex(/^-?\d{1,14}(\.\d{1,4})?$/)
  .meta({ description: 'an exact decimal as text, e.g. "120.5" (up to 14 integer digits and 4 decimals)' });

const indicatorEntry = z
  .object({
    id: z.number().int(),
    name: z.string(),
    unit: z.string().meta({ description: "公里, 个, 亿元, %, …" }),
    baseline: figure,
    target: figure,
    targetYear: z.number().int(),
    direction: z.enum(DIRECTIONS).meta({ description: "HIGHER or LOWER is better" }),
    headline: z.boolean().meta({ description: "关键指标: shown on the dashboard" }),
    latest: z
      .object({ observedOn: day, actual: figure })
      .nullable()
      .meta({ description: "the latest day's value reported by asOf (live: by now); null before any" }),
    completion: z
      .string()
      .regex(/^-?\d+\.\d$/)
      .nullable()
      .meta({
        description: "完成度: (actual − baseline) ÷ (target − baseline) in percent, one decimal; null without a value",
      }),
  })
  .meta({ id: "Indicator" });

export const itemDetailSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    version: z.number().int().meta({ description: "also the ETag; send it back as If-Match on writes" }),
    level: z.enum(LEVELS),
    title: z.string(),
    titleEn: z.string().nullable(),
    description: z.string().nullable(),
    sourceExcerpt: z.string(),
    pillar: z.object({ number: z.number().int(), title: z.string(), titleEn: z.string() }),
    parent: z.object({ code: z.string(), title: z.string() }).nullable(),
    status,
    confidence: confidence.nullable(),
    progress: z.number().nullable(),
    weight: z.number().int(),
    responsiblePerson: z.string().nullable(),
    startDate: day.nullable(),
    dueDate: day.nullable(),
    originalDueDate: day.nullable(),
    slippageDays: z.number().int(),
    lastUpdateAt: instant.nullable(),
    retired: z.boolean(),
    units: z.object({ lead: unitRef.nullable(), coLead: unitRef.nullable(), supporting: z.array(unitRef) }),
    regions: z.array(unitRef),
    conferences: z.array(z.object({ number: z.number().int(), date: day, theme: z.string() })),
    milestones: z.array(
      z.object({ id: z.number().int(), title: z.string(), plannedDate: day, completedDate: day.nullable() }),
    ),
    children: z.array(z.object({ code: z.string(), title: z.string(), status, progress: z.number().nullable() })),
    indicators: z
      .array(indicatorEntry)
      .meta({ description: "指标 as of asOf: definitions from the item's history, values reported by then" }),
    reports: z.array(reportEntry).meta({ description: "approved reports, then open ones (submitted, returned)" }),
    history: z.array(
      z.object({
        version: z.number().int(),
        changedAt: instant,
        action: z.string(),
        actor: z.string().nullable(),
        reason: z.string().nullable(),
        changes: z.array(
          z.object({ field: z.string(), kind: z.string(), from: z.string().nullable(), to: z.string().nullable() }),
        ),
      }),
    ),
    compare: z
      .object({
        existed: z.boolean(),
        changes: z.array(
          z.object({ field: z.string(), kind: z.string(), from: z.string().nullable(), to: z.string().nullable() }),
        ),
      })
      .nullable(),
  })
  .meta({ id: "Item" });

// ---- periods -------------------------------------------------------------------------------------------------

const fulfilment = z
  .object({
    required: z.number().int(),
    submitted: z.number().int(),
    approved: z.number().int(),
    returned: z.number().int(),
    missing: z.number().int(),
    late: z.number().int(),
  })
  .meta({ id: "Fulfilment" });

export const periodSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    label: z.string(),
    labelEn: z.string(),
    opensOn: day,
    deadline: day,
    closesOn: day,
    openedAt: instant.nullable(),
    closedAt: instant.nullable(),
    phase: z.enum(["UPCOMING", "OPEN", "PAST_DEADLINE", "CLOSED"]),
    fulfilment,
  })
  .meta({ id: "Period" });
export const periodListSchema = z.object({ periods: z.array(periodSchema) });
export const periodDetailSchema = z
  .object({
    period: periodSchema,
    fulfilment: z.object({
      total: fulfilment,
      sides: z.array(fulfilment.extend({ side })),
      units: z.array(fulfilment.extend({ unitId: z.number().int(), unit: z.string(), side })),
    }),
  })
  .meta({ id: "PeriodDetail" });

// ---- writes --------------------------------------------------------------------------------------------------

/** path parameters */
export const itemCodeParam = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,4}){0,5}$/)
  .meta({ param: { description: "the item's outline code, e.g. 1.1.1" }, example: "1.1.1" });
export const idPathParam = z
  .string()
  .regex(/^\d{1,10}$/)
  .meta({ example: "1" });

/** A progress report (进展填报), as the item page's report form takes it. */
export const reportBodySchema = z
  .strictObject({
    status,
    progress: z.number().int().min(0).max(100),
    confidence,
    note: z.string().max(NOTE_MAX),
    nextSteps: z.string().max(TEXT_MAX).nullable().optional(),
    blockers: z.string().max(TEXT_MAX).nullable().optional(),
    evidenceLinks: z.array(z.string().max(URL_MAX)).max(EVIDENCE_MAX).optional(),
    docNumber: z.string().max(DOC_NUMBER_MAX).nullable().optional().meta({ description: "文号" }),
    closesItem: z.boolean().optional().meta({ description: "申请销号: needs evidence; approval closes the item" }),
    reportId: z
      .number()
      .int()
      .min(1)
      .max(MAX_ID)
      .optional()
      .meta({ description: "submit this draft or returned report of the unit instead of a new one" }),
    expectedRevision: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: "with reportId: the report's revision the client read" }),
  })
  .meta({ id: "ReportInput" });
export type ReportBody = z.infer<typeof reportBodySchema>;

export const reportResultSchema = z
  .object({
    reportId: z.number().int(),
    code: z.string(),
    state: z.enum(["DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "WITHDRAWN"]),
    revision: z.number().int(),
    version: z.number().int().meta({ description: "the item's version (ETag) after the report" }),
  })
  .meta({ id: "ReportResult" });

export const MAX_API_ID = MAX_ID;

/** An id in a JSON body (validation.unknownId, as the forms say of a bad id). */
const bodyId = z
  .number("validation.unknownId")
  .int("validation.unknownId")
  .min(1, "validation.unknownId")
  .max(MAX_ID, "validation.unknownId");
const bodyIdList = z.array(bodyId).max(500, "validation.tooMany");
/** A calendar day in a JSON body, or null for none; the item form's schema checks it (validation.invalidDate). */
const bodyDay = z
  .string()
  .max(10, "validation.invalidDate")
  .nullable()
  .optional()
  .meta({ format: "date", example: "2027-06-30" });

/**
 * An item's editable fields, as the item edit page has them (lib/validations/items.ts itemEditSchema). A PATCH:
 * a field left out keeps its value; null clears an optional one. The units need item:assign-units
 * (administrators): a body naming any of them from anyone else is refused (403), as the page refuses it.
 */
export const itemPatchSchema = z
  .strictObject({
    responsiblePerson: z.string().max(PERSON_MAX).nullable().optional().meta({ description: "责任人" }),
    startDate: bodyDay,
    dueDate: bodyDay,
    dueDateReason: z
      .string()
      .max(REASON_MAX)
      .nullable()
      .optional()
      .meta({ description: "required when a due date that was already set changes (调整原因)" }),
    weight: z
      .number("api.validation.wrongType")
      .int("validation.notAnInteger")
      .min(1, "validation.weightRange")
      .max(100, "validation.weightRange")
      .optional(),
    regionIds: bodyIdList.optional().meta({ description: "the regions (区县/市州) the item concerns: the whole list" }),
    conferenceIds: bodyIdList.optional().meta({ description: "the joint conferences that set it: the whole list" }),
    leadUnitId: bodyId.nullable().optional().meta({ description: "牵头单位 (administrators only)" }),
    coLeadUnitId: bodyId.nullable().optional().meta({ description: "the other side's co-lead (administrators only)" }),
    supportingUnitIds: bodyIdList.optional().meta({ description: "配合单位, the whole list (administrators only)" }),
  })
  .meta({ id: "ItemPatch" });
export type ItemPatchBody = z.infer<typeof itemPatchSchema>;
export const ITEM_UNIT_FIELDS = ["leadUnitId", "coLeadUnitId", "supportingUnitIds"] as const;

export const itemPatchResultSchema = z
  .object({
    code: z.string(),
    version: z.number().int().meta({ description: "the item's version (ETag) after the edit" }),
    changedFields: z.array(z.string()).meta({ description: "what the edit changed (none: nothing was written)" }),
  })
  .meta({ id: "ItemPatchResult" });

export const milestoneResultSchema = z
  .object({
    code: z.string(),
    version: z.number().int().meta({ description: "the item's version (ETag) after the change" }),
    milestone: z.object({ id: z.number().int(), title: z.string(), plannedDate: day, completedDate: day.nullable() }),
  })
  .meta({ id: "MilestoneResult" });

/** The upload's form (multipart/form-data), for the document: the route reads it itself. */
export const attachmentUploadSchema = z
  .object({
    reportId: z
      .string()
      .regex(/^\d{1,10}$/)
      .meta({ description: "the report (of this item) the file is evidence of" }),
    file: z.string().meta({
      format: "binary",
      description:
        "one file, at most 20 MB; its content must match its name's extension (PDF, images, Office/WPS, OFD)",
    }),
  })
  .meta({ id: "AttachmentUpload" });

export const attachmentResultSchema = z
  .object({
    id: z.number().int(),
    reportId: z.number().int(),
    fileName: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
  })
  .meta({ id: "Attachment" });
