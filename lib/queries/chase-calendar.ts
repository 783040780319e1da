// The working-day calendar as the chase counts it: China's official calendar from the installed package, with
// the administrators' entries (calendar_days) on top (lib/workdays.ts).
import { Prisma } from "../generated/prisma/client";
import { WorkCalendar, type CalendarEntry } from "../workdays";

type RawDb = { $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T> };

export interface CalendarEntryRow extends CalendarEntry {
  updatedBy: string | null;
  /** ISO instant */
  updatedAt: string;
}

/** Every administrator entry, by day. */
export async function queryCalendarEntries(db: RawDb): Promise<CalendarEntryRow[]> {
  const rows = await db.$queryRaw<
    { day: string; workday: boolean; name: string | null; updatedBy: string | null; updatedAt: Date }[]
  >(Prisma.sql`
    SELECT to_char(c.day, 'YYYY-MM-DD') AS day, c.workday, c.name, u.display_name AS "updatedBy",
           c.updated_at AS "updatedAt"
    FROM calendar_days c LEFT JOIN users u ON u.id = c.updated_by_id
    ORDER BY c.day`);
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

/** The calendar the chase counts working days with. */
export async function loadWorkCalendar(db: RawDb): Promise<WorkCalendar> {
  const entries = await db.$queryRaw<CalendarEntry[]>(Prisma.sql`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, workday, name FROM calendar_days ORDER BY day`);
  return new WorkCalendar(entries);
}
