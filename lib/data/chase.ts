import "server-only";
// Reads of the chase for pages and routes: 督办 (an editor's list shows their own unit's, everyone else's all), a 督办
// with its items, files and record, the chase record of an item or a unit, the working-day calendar page and
// the chase's settings. Each checks the signed-in user itself, then runs lib/queries/chase*.ts.
import { forbidden, notFound } from "next/navigation";
import { requirePermission, type SessionUser } from "../auth/session";
import { now } from "../clock";
import { todayInChina } from "../dates";
import { db } from "../db";
import { can, type UnitScope } from "../permissions";
import * as q from "../queries/chase";
import { loadWorkCalendar, queryCalendarEntries } from "../queries/chase-calendar";

export type * from "../queries/chase";
export { CHASE_RECORD_LIMIT, SUPERVISION_LIST_LIMIT } from "../queries/chase";

const unitScope = (unitId: number): UnitScope => ({ leadUnitId: unitId, coLeadUnitId: null, supportingUnitIds: [] });

/** Whether `user` may read the 督办 and chase record of `unitId`. */
function mayRead(user: SessionUser, unitId: number): boolean {
  return can(user, "supervision:read", unitScope(unitId));
}

/** The 督办 list: an editor's own unit's, or all; in one state or all; and the unit record asked for (?unit=). */
export async function listSupervisions(params: { state?: q.SupervisionState; unit?: number }) {
  const user = await requirePermission("supervision:read");
  const own = user.role === "EDITOR";
  const unitId = own ? (user.unitId ?? -1) : undefined;
  const d = db();
  const recordUnitId = own ? user.unitId : (params.unit ?? null);
  const [rows, counts, units, record, recordUnit] = await Promise.all([
    q.querySupervisions(d, { state: params.state, unitId }),
    q.querySupervisionCounts(d, unitId),
    own
      ? Promise.resolve([])
      : d.unit.findMany({ orderBy: [{ side: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    recordUnitId === null ? Promise.resolve(null) : q.queryChaseRecord(d, { unitId: recordUnitId }),
    recordUnitId === null
      ? Promise.resolve(null)
      : d.unit.findUnique({ where: { id: recordUnitId }, select: { name: true } }),
  ]);
  return {
    rows,
    counts,
    own,
    units,
    record: recordUnit ? { unitId: recordUnitId!, unit: recordUnit.name, events: record ?? [] } : null,
  };
}

/** One 督办: the notice, its items and files, its record, and whether the reader may 签收/反馈 it. */
export async function getSupervisionPage(id: number) {
  const user = await requirePermission("supervision:read");
  const d = db();
  const s = await q.querySupervision(d, id);
  if (!s) notFound();
  if (!mayRead(user, s.unitId)) forbidden();
  const record = await q.queryChaseRecord(d, { supervisionId: id });
  return {
    supervision: s,
    record,
    canRespond: can(user, "supervision:respond", unitScope(s.unitId)),
  };
}

/** A 督办's stored file with its bytes (route handlers: the caller checked supervision:read), or null. */
export async function getSupervisionFile(user: SessionUser, id: number, format: string) {
  const file = await q.querySupervisionFile(db(), id, format);
  if (!file || !mayRead(user, file.unitId)) return null;
  return file;
}

/** The chase record of an item (everyone who reads the portfolio), with which 督办 the reader may open. */
export async function getItemChaseRecord(itemId: number) {
  const user = await requirePermission("portfolio:read");
  const events = await q.queryChaseRecord(db(), { itemId });
  return events.map((e) => ({ ...e, mayOpen: e.supervisionId !== null && mayRead(user, e.unitId) }));
}

/** The working-day calendar's entries, and which of this and next year neither the package nor an entry covers. */
export async function getCalendarPage() {
  await requirePermission("calendar:manage");
  const d = db();
  const [entries, calendar] = await Promise.all([queryCalendarEntries(d), loadWorkCalendar(d)]);
  const year = Number(todayInChina(now()).slice(0, 4));
  return { entries, years: [year, year + 1], uncovered: calendar.uncoveredYears(year, year + 1) };
}

/** The chase's settings (shown with the cycle's on /admin/cycle). */
export async function getChaseSettings() {
  await requirePermission("cycle:configure");
  return db().chaseSettings.findUniqueOrThrow({ where: { id: 1 } });
}
