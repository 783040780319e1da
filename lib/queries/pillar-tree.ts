// A pillar's recommendation → action tree with rolled-up progress (lib/queries/rollup.ts), as of a moment and,
// optionally, compared with an earlier one. One SQL query per moment; the tree is assembled here. The pillar's
// figures (progress, actions, overdue) are the dashboard's (lib/queries/dashboard.ts queryPillarProgress).
import { lightSql, overdueSql } from "./as-of";
import type { ItemLight } from "../item-light";
import { Prisma, type Pillar } from "../generated/prisma/client";
import type { Db } from "../prisma-client";
import { queryPillarProgress, type PillarProgress } from "./dashboard";
import { browseStatesSql } from "./items-list";

export interface TreeRow {
  id: number;
  parentId: number | null;
  code: string;
  level: string;
  title: string;
  titleEn: string | null;
  leadUnitName: string | null;
  leadUnitSide: string | null;
  status: string;
  confidence: string | null;
  /** rolled-up progress for an item with children, own (possibly null) progress for a leaf */
  progress: number | null;
  hasChildren: boolean;
  weight: number;
  dueDate: Date | null;
  overdue: boolean;
  /** 红黄灯 on the day (null when closed, without a due date, or no amberLast given) */
  light: ItemLight | null;
  compareExists: boolean | null;
  compareStatus: string | null;
  compareProgress: number | null;
}

export interface PillarNode extends TreeRow {
  children: PillarNode[];
}

export interface PillarTree {
  pillar: Pillar;
  /** weighted progress of the pillar (unrounded), null when nothing counts */
  progress: number | null;
  compareProgress: number | null;
  recommendations: PillarNode[];
  actionCount: number;
  overdueCount: number;
  others: { number: number; title: string; titleEn: string }[];
}

/** Every pillar's figures at the moment and, when comparing, at the compare moment (queryPillarProgress). */
export interface PillarFigures {
  now: PillarProgress[];
  then: PillarProgress[] | null;
}

/**
 * The pillar's tree at the moment. `readFigures` reads the pillars' figures when the caller has them (the page reads
 * the dashboard's, kept per data version); without them they are computed here.
 */
export async function queryPillarTree(
  db: Db,
  number: number,
  m: { before: Date | null; day: string; compareBefore?: Date | null; amberLast?: string },
  readFigures?: () => Promise<PillarFigures>,
): Promise<PillarTree | null> {
  const pillars = await db.pillar.findMany({ orderBy: { number: "asc" } });
  const pillar = pillars.find((p) => p.number === number);
  if (!pillar) return null;
  const compare = m.compareBefore !== undefined;
  const [rows, { now, then }] = await Promise.all([
    db.$queryRaw<TreeRow[]>(Prisma.sql`
      SELECT s.id, s.parent_id AS "parentId", s.code, s.level, s.title, s.title_en AS "titleEn",
             lu.name AS "leadUnitName", lu.side::text AS "leadUnitSide", s.status, s.confidence,
             s.shown_progress AS progress, s.has_children AS "hasChildren", s.weight, s.due_date AS "dueDate",
             ${overdueSql("s", m.day)} AS overdue,
             ${m.amberLast === undefined ? Prisma.sql`NULL::text` : lightSql("s", m.day, m.amberLast)} AS light,
             ${compare ? Prisma.sql`(c.id IS NOT NULL)` : Prisma.sql`NULL::boolean`} AS "compareExists",
             ${compare ? Prisma.sql`c.status` : Prisma.sql`NULL::text`} AS "compareStatus",
             ${compare ? Prisma.sql`c.shown_progress` : Prisma.sql`NULL::float8`} AS "compareProgress"
        -- this pillar's items and what lies below them: rolled up exactly, without the rest of the portfolio
        FROM ${browseStatesSql(m.before, { pillar: pillar.id })} s
        LEFT JOIN units lu ON lu.id = s.lead_unit_id
        ${
          // the whole portfolio at the compare moment: an item of this pillar may have been filed under another then
          compare
            ? Prisma.sql`LEFT JOIN ${browseStatesSql(m.compareBefore ?? null)} c ON c.id = s.id AND NOT c.retired`
            : Prisma.empty
        }
       WHERE s.pillar_id = ${pillar.id} AND NOT s.retired
       ORDER BY s.sort_order, string_to_array(s.code, '.')::int[]`),
    (readFigures ?? (() => pillarFigures(db, m)))(),
  ]);
  const figures = now.find((p) => p.id === pillar.id);

  const nodes = new Map<number, PillarNode>(rows.map((r) => [r.id, { ...r, children: [] }]));
  const roots: PillarNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId !== null ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return {
    pillar: {
      id: pillar.id,
      number: pillar.number,
      title: pillar.title,
      titleEn: pillar.titleEn,
      theme: pillar.theme,
      requirement: pillar.requirement,
      summary: pillar.summary,
    },
    progress: figures?.progress ?? null,
    compareProgress: then ? (then.find((p) => p.id === pillar.id)?.progress ?? null) : null,
    recommendations: roots,
    actionCount: figures?.actions ?? 0,
    overdueCount: figures?.overdue ?? 0,
    others: pillars
      .filter((p) => p.number !== number)
      .map((p) => ({ number: p.number, title: p.title, titleEn: p.titleEn })),
  };
}

async function pillarFigures(db: Db, m: { before: Date | null; day: string; compareBefore?: Date | null }) {
  const compare = m.compareBefore !== undefined;
  const [now, then] = await Promise.all([
    queryPillarProgress(db, m),
    // Only the progress is read at the compare moment, which does not depend on the day.
    compare ? queryPillarProgress(db, { before: m.compareBefore ?? null, day: m.day }) : Promise.resolve(null),
  ]);
  return { now, then };
}
