import "server-only";
import { z } from "zod";
import { requirePermission } from "../auth/session";
import { queryPillarTree, type PillarTree } from "../queries/pillar-tree";
import { db } from "../db";
import { amberLastFor } from "./item-lights";
import type { AsOfSelection } from "../as-of-selection";

const pillarNumberSchema = z.coerce.number().int().min(1).max(99);

/** A pillar page's tree as of the selected day; null for a number that names no pillar. */
export async function getPillarTree(rawNumber: string, asOf: AsOfSelection): Promise<PillarTree | null> {
  await requirePermission("portfolio:read");
  const number = pillarNumberSchema.safeParse(rawNumber);
  if (!number.success || !/^\d+$/.test(rawNumber)) return null;
  return queryPillarTree(db(), number.data, {
    before: asOf.before,
    day: asOf.day,
    amberLast: await amberLastFor(asOf.day),
    ...(asOf.compare !== null ? { compareBefore: asOf.compareBefore } : {}),
  });
}
