// Item lights (红黄灯, lib/item-light.ts) counted per pillar over the action items of the portfolio at a moment:
// the dashboard's summary. Each count is what the items list filtered by pillar, level ACTION and that light
// shows (lib/queries/items-list.ts whereSql with lightIsSql), since both read lightSql's one definition.
import { itemStatesSql, lightSql } from "./as-of";
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../prisma-client";

export interface PillarLights {
  number: number;
  title: string;
  titleEn: string;
  red: number;
  amber: number;
  green: number;
}

/** `amberLast` is amberUntil(day) (lib/data/item-lights.ts). Every pillar, in order, zero counts included. */
export async function queryItemLightCounts(
  db: Pick<Db, "$queryRaw">,
  m: { before: Date | null; day: string; amberLast: string },
): Promise<PillarLights[]> {
  return db.$queryRaw<PillarLights[]>(Prisma.sql`
    SELECT p.number, p.title, p.title_en AS "titleEn",
           count(*) FILTER (WHERE x.light = 'RED')::int AS red,
           count(*) FILTER (WHERE x.light = 'AMBER')::int AS amber,
           count(*) FILTER (WHERE x.light = 'GREEN')::int AS green
    FROM pillars p
    LEFT JOIN (
      SELECT s.pillar_id, ${lightSql("s", m.day, m.amberLast)} AS light
      FROM ${itemStatesSql(m.before)} s
      WHERE s.level = 'ACTION' AND NOT s.retired
    ) x ON x.pillar_id = p.id
    GROUP BY p.id
    ORDER BY p.number`);
}
