// The coordinators' review queue: submitted reports awaiting a decision, oldest first, in the reviewer's scope
// (the items their side leads or co-leads, as lib/writes/reports.ts leadSidesOf decides it: a unit of both
// sides counts for each), optionally only those of one reporting unit or one side's units.
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../prisma-client";
import type { UpdateEntry } from "./item-view";

/** The sides whose items a reviewer decides: null = every item (administrators and the 联合办公室). */
export type ReviewScope = "SICHUAN" | "CHONGQING" | null;

export interface QueueFilters {
  unit: number | null;
  side: "SICHUAN" | "CHONGQING" | null;
}

/** A submitted report with its item, unit, author and period: what it says is an update's. */
export interface QueueRow extends Pick<
  UpdateEntry,
  "status" | "progress" | "confidence" | "note" | "nextSteps" | "blockers"
> {
  id: number;
  revision: number;
  submittedAt: Date;
  late: boolean;
  closesItem: boolean;
  docNumber: string | null;
  /** 本月完成投资 (万元, decimal text): what the approval adds to the item's 完成投资 */
  monthInvestment: string | null;
  code: string;
  title: string;
  titleEn: string | null;
  itemStatus: string;
  itemProgress: number | null;
  unitId: number | null;
  unitName: string | null;
  unitSide: string | null;
  author: string | null;
  periodLabel: string | null;
  periodLabelEn: string | null;
  attachments: number;
}

export const QUEUE_LIMIT = 500;

function scopeSql(scope: ReviewScope): Prisma.Sql {
  if (scope === null) return Prisma.sql`TRUE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM units lu WHERE lu.id IN (i.lead_unit_id, i.co_lead_unit_id)
                              AND lu.side IN (${scope}::side, 'JOINT'::side))`;
}

export async function queryReviewQueue(d: Db, scope: ReviewScope, filters: QueueFilters): Promise<QueueRow[]> {
  return d.$queryRaw<QueueRow[]>(Prisma.sql`
    SELECT pu.id, pu.revision, pu.submitted_at AS "submittedAt", pu.late, pu.closes_item AS "closesItem",
           pu.doc_number AS "docNumber", pu.month_investment::text AS "monthInvestment", pu.status::text AS status, pu.progress, pu.confidence::text AS confidence,
           pu.note, pu.next_steps AS "nextSteps", pu.blockers,
           i.code, i.title, i.title_en AS "titleEn", i.status::text AS "itemStatus", i.progress AS "itemProgress",
           u.id AS "unitId", u.name AS "unitName", u.side::text AS "unitSide", a.display_name AS author,
           p.label AS "periodLabel", p.label_en AS "periodLabelEn",
           (SELECT count(*) FROM attachments x WHERE x.report_id = pu.id)::int AS attachments
      FROM progress_updates pu
      JOIN items i ON i.id = pu.item_id
      LEFT JOIN units u ON u.id = pu.unit_id
      LEFT JOIN users a ON a.id = pu.author_id
      LEFT JOIN reporting_periods p ON p.id = pu.period_id
     WHERE pu.state = 'SUBMITTED' AND ${scopeSql(scope)}
       ${filters.unit === null ? Prisma.empty : Prisma.sql`AND pu.unit_id = ${filters.unit}`}
       ${filters.side === null ? Prisma.empty : Prisma.sql`AND u.side = ${filters.side}::side`}
     ORDER BY pu.submitted_at ASC, pu.id ASC
     LIMIT ${QUEUE_LIMIT}`);
}

/** The units with reports waiting in the reviewer's scope (whatever the filters), for the unit filter. */
export async function queryQueueUnits(
  d: Db,
  scope: ReviewScope,
): Promise<{ id: number; name: string; side: string }[]> {
  return d.$queryRaw(Prisma.sql`
    SELECT DISTINCT u.id, u.name, u.side::text AS side
      FROM progress_updates pu
      JOIN items i ON i.id = pu.item_id
      JOIN units u ON u.id = pu.unit_id
     WHERE pu.state = 'SUBMITTED' AND ${scopeSql(scope)}
     ORDER BY u.side::text, u.name`);
}
