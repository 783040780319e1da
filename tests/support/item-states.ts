// Every item's state, live or as of a moment, read straight from itemStatesSql, for checking the roll-ups against.
import { Prisma } from "../../lib/generated/prisma/client";
import type { Db } from "../../lib/prisma-client";
import { itemStatesSql } from "../../lib/queries/as-of";
import type { RollUpRow } from "../../lib/queries/rollup";

export interface ItemStateRow {
  id: number;
  parent_id: number | null;
  pillar_id: number;
  weight: number;
  progress: number | null;
  status: string;
  retired: boolean;
  level: string;
  due_date: Date | null;
}

export function readItemStates(db: Db, before: Date | null): Promise<ItemStateRow[]> {
  return db.$queryRaw<ItemStateRow[]>(Prisma.sql`SELECT * FROM ${itemStatesSql(before)} s`);
}

export function rollUpRowOf(r: ItemStateRow): RollUpRow {
  return {
    id: r.id,
    parentId: r.parent_id,
    pillarId: r.pillar_id,
    weight: r.weight,
    progress: r.progress,
    status: r.status,
    retired: r.retired,
  };
}
