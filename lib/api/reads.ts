import "server-only";
// The open API's reads: each calls the pages' own read in lib/data (which checks the permission again and
// runs the same query and cache) and shapes its answer for the API's documented schema (lib/validations/api.ts).
// Run inside the guard (lib/api/guard.ts), actingAs the token's owner.
import type { z } from "zod";
import type { AsOfSelection } from "../as-of-selection";
import { listItems } from "../data/browse";
import { getHeadline, getPillarProgress } from "../data/dashboard";
import { listEvidence } from "../data/evidence";
import { getItemIndicators } from "../data/indicators";
import { getItemView } from "../data/items";
import { getPeriodPage, listPeriods } from "../data/periods";
import { listConferences, listRegions, listUnits } from "../data/reference";
import { isoDay } from "../dates";
import { indicatorFields } from "../indicators";
import type { PeriodSummary } from "../queries/periods";
import { parseAsOfParams } from "../validations/as-of";
import type {
  dashboardSchema,
  itemDetailSchema,
  itemListSchema,
  periodDetailSchema,
  periodListSchema,
  periodSchema,
  pillarListSchema,
} from "../validations/api";
import { ApiProblem } from "./guard";

type Out<S extends z.ZodType> = z.input<S>;

const dayOf = (d: Date | null | undefined) => (d ? isoDay(d) : null);
const instantOf = (d: Date | string | null | undefined) =>
  d == null ? null : typeof d === "string" ? new Date(d).toISOString() : d.toISOString();
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** asOf / compare of the query, strictly: a bad day is a 400 naming the parameter, not a silent fallback. */
export function asOfSelection(query: { asOf?: string; compare?: string }): AsOfSelection {
  const selection = parseAsOfParams({ asOf: query.asOf, compare: query.compare });
  if (selection.issues.length > 0) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of selection.issues) (fieldErrors[issue.param] ??= []).push(issue.message);
    throw new ApiProblem("invalid", { fieldErrors });
  }
  return selection;
}

// ---- dashboard, pillars ----------------------------------------------------------------------------------------

async function pillarsAt(selection: AsOfSelection) {
  const pillars = await getPillarProgress(selection);
  return pillars.map((p) => ({
    number: p.number,
    title: p.title,
    titleEn: p.titleEn,
    theme: p.theme,
    progress: num(p.progress),
    actions: p.actions,
    completed: p.completed,
    overdue: p.overdue,
    recommendations: p.recommendations.map((r) => ({ ...r, progress: Number(r.progress) })),
  }));
}

export async function readDashboard(query: { asOf?: string }): Promise<Out<typeof dashboardSchema>> {
  const selection = asOfSelection(query);
  const [headline, pillars] = await Promise.all([getHeadline(selection), pillarsAt(selection)]);
  return {
    asOf: selection.asOf,
    day: selection.day,
    headline: { ...headline, overall: num(headline.overall) },
    pillars,
  };
}

export async function readPillars(query: { asOf?: string }): Promise<Out<typeof pillarListSchema>> {
  const selection = asOfSelection(query);
  return { asOf: selection.asOf, pillars: await pillarsAt(selection) };
}

// ---- items -----------------------------------------------------------------------------------------------------

/** The cursor is the list's next page, opaque to clients (the list's order is total: the code breaks ties). */
export function encodeCursor(page: number): string {
  return Buffer.from(`p${page}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 1;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^p(\d{1,6})$/.exec(text);
  if (!match || Number(match[1]) < 1)
    throw new ApiProblem("invalid", { fieldErrors: { cursor: ["api.problems.badCursor"] } });
  return Number(match[1]);
}

/**
 * The items list: the raw parameters go to the list page's own read (listItems parses them with the same
 * schemas); ids that name nothing are refused rather than dropped.
 */
export async function readItems(
  raw: Record<string, string>,
  forced: Record<string, string> = {},
): Promise<Out<typeof itemListSchema>> {
  const selection = asOfSelection(raw);
  const page = decodeCursor(raw.cursor);
  const params: Record<string, string> = { ...raw, ...forced, page: String(page) };
  delete params.cursor;
  delete params.asOf;
  delete params.compare;
  const list = await listItems(params, selection);
  if (list.issues.length > 0) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of list.issues) (fieldErrors[issue.param] ??= []).push(issue.message);
    throw new ApiProblem("invalid", { fieldErrors });
  }
  // A cursor past the end: listItems answers the last page; the API answers an empty one.
  const rows = list.query.page === page ? list.rows : [];
  const comparing = selection.compare !== null;
  return {
    asOf: selection.asOf,
    compare: selection.compare,
    total: list.total,
    nextCursor: rows.length > 0 && page * list.query.size < list.total ? encodeCursor(page + 1) : null,
    items: rows.map((r) => ({
      code: r.code,
      level: r.level as "RECOMMENDATION" | "ACTION",
      title: r.title,
      titleEn: r.titleEn,
      pillar: r.pillarNumber,
      leadUnit:
        r.leadUnitId !== null && r.leadUnitName !== null
          ? { id: r.leadUnitId, name: r.leadUnitName, side: r.leadUnitSide as never }
          : null,
      coLeadUnit: r.coLeadUnitName !== null ? { name: r.coLeadUnitName, side: r.coLeadUnitSide as never } : null,
      side: r.side as never,
      status: r.status as never,
      confidence: r.confidence as never,
      progress: num(r.progress),
      dueDate: dayOf(r.dueDate),
      lastUpdateAt: instantOf(r.lastUpdateAt),
      overdue: Boolean(r.overdue),
      stale: Boolean(r.stale),
      light: r.light,
      compare: comparing
        ? {
            existed: Boolean(r.compareExists),
            status: r.compareStatus as never,
            progress: num(r.compareProgress),
            dueDate: dayOf(r.compareDueDate),
            overdue: r.compareOverdue,
          }
        : null,
    })),
  };
}

/** One item with its units, dates, milestones, reports (with their files' metadata) and history. */
export async function readItem(
  code: string,
  query: { asOf?: string; compare?: string },
): Promise<Out<typeof itemDetailSchema>> {
  const selection = asOfSelection(query);
  const view = await getItemView(code, {
    before: selection.before,
    day: selection.day,
    ...(selection.compare !== null ? { compareBefore: selection.compareBefore } : {}),
  });
  if (view === null) throw new ApiProblem("not-found");
  if (view === "not-yet") throw new ApiProblem("not-found", { detailKey: "api.problems.notYet" });
  const reports = [
    ...view.updates.map((u) => ({ ...u, state: "APPROVED" as const })),
    ...view.openReports.map((r) => ({ ...r, state: r.state })),
  ];
  const [files, indicators] = await Promise.all([
    Promise.all(reports.map((r) => listEvidence(r.id))),
    getItemIndicators(view.id, selection.before),
  ]);
  const unitRef = (u: { id: number; name: string; side: string } | null) =>
    u ? { id: u.id, name: u.name, side: u.side as never } : null;
  return {
    id: view.id,
    code: view.code,
    version: view.version,
    level: view.level,
    title: view.title,
    titleEn: view.titleEn,
    description: view.description,
    sourceExcerpt: view.sourceExcerpt,
    pillar: { number: view.pillar.number, title: view.pillar.title, titleEn: view.pillar.titleEn },
    parent: view.parent ? { code: view.parent.code, title: view.parent.title } : null,
    status: view.status as never,
    confidence: view.confidence as never,
    progress: num(view.progress),
    weight: view.weight,
    responsiblePerson: view.responsiblePerson,
    startDate: view.startDate,
    dueDate: view.dueDate,
    originalDueDate: view.originalDueDate,
    slippageDays: view.slippageDays,
    lastUpdateAt: instantOf(view.lastUpdateAt),
    retired: view.retired,
    units: {
      lead: unitRef(view.leadUnit),
      coLead: unitRef(view.coLeadUnit),
      supporting: view.supportingUnits.map((u) => unitRef(u)!),
    },
    regions: view.regions.map((r) => unitRef(r)!),
    conferences: view.conferences.map((c) => ({ number: c.number, date: isoDay(c.date), theme: c.theme })),
    milestones: view.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      plannedDate: m.plannedDate,
      completedDate: m.completedDate,
    })),
    children: view.children.map((c) => ({
      code: c.code,
      title: c.title,
      status: c.status as never,
      progress: num(c.progress),
    })),
    indicators: indicators.map((x) => ({
      id: x.id,
      ...indicatorFields(x),
      latest: x.latest,
      completion: x.completion,
    })),
    reports: reports.map((r, k) => ({
      id: r.id,
      state: r.state,
      createdAt: r.createdAt.toISOString(),
      author: r.author,
      unit: unitRef(r.unit),
      status: r.status as never,
      progress: r.progress,
      confidence: r.confidence as never,
      note: r.note,
      nextSteps: r.nextSteps,
      blockers: r.blockers,
      evidenceLinks: r.evidenceLinks,
      attachments: files[k]!.map((f) => ({
        id: f.id,
        fileName: f.fileName,
        mediaType: f.mediaType,
        size: f.size,
        sha256: f.sha256,
        createdAt: f.createdAt.toISOString(),
      })),
    })),
    history: view.history.map((h) => ({
      version: h.version,
      changedAt: h.changedAt.toISOString(),
      action: h.report ? `REPORT_${h.report.action}` : h.action,
      actor: h.actor,
      reason: h.reason ?? h.report?.comment ?? null,
      changes: h.changes.map((c) => ({ field: c.field, kind: c.kind, from: c.from, to: c.to })),
    })),
    compare: view.compare
      ? {
          existed: view.compare.existed,
          changes: view.compare.changes.map((c) => ({ field: c.field, kind: c.kind, from: c.from, to: c.to })),
        }
      : null,
  };
}

// ---- reference tables ------------------------------------------------------------------------------------------

export async function readUnits() {
  return { units: await listUnits() };
}
export async function readRegions() {
  return { regions: await listRegions() };
}
export async function readConferences() {
  const rows = await listConferences();
  return { conferences: rows.map((c) => ({ ...c, date: isoDay(c.date) })) };
}

// ---- periods ---------------------------------------------------------------------------------------------------

function periodOut(p: PeriodSummary): Out<typeof periodSchema> {
  return {
    id: p.id,
    kind: p.kind,
    label: p.label,
    labelEn: p.labelEn,
    opensOn: p.opensOn,
    deadline: p.deadline,
    closesOn: p.closesOn,
    openedAt: instantOf(p.openedAt),
    closedAt: instantOf(p.closedAt),
    phase: p.phase,
    fulfilment: p.fulfilment,
  };
}

export async function readPeriods(): Promise<Out<typeof periodListSchema>> {
  const { periods } = await listPeriods();
  return { periods: periods.map(periodOut) };
}

export async function readPeriod(id: number): Promise<Out<typeof periodDetailSchema>> {
  const page = await getPeriodPage(id, {});
  return {
    period: periodOut(page.period),
    fulfilment: page.fulfilment,
  };
}
