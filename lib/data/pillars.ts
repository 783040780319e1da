import "server-only";
import { z } from "zod";
import { requirePermission } from "../auth/session";
import { queryPillarTree, type PillarTree } from "../queries/pillar-tree";
import { getPillarProgress } from "./dashboard";
import { db } from "../db";
import { amberLastFor } from "./item-lights";
import type { AsOfSelection } from "../as-of-selection";

const pillarNumberSchema = z.coerce.number().int().min(1).max(99);

/** A pillar page's tree as of the selected day; null for a number that names no pillar. */
export async function getPillarTree(rawNumber: string, asOf: AsOfSelection): Promise<PillarTree | null> {
  await requirePermission("portfolio:read");
  const number = pillarNumberSchema.safeParse(rawNumber);
  if (!number.success || !/^\d+$/.test(rawNumber)) return null;
  const m = { before: asOf.before, day: asOf.day };
  // The pillars' figures are the dashboard's, kept per data version (live: from the table of item states), so
  // the page rolls the portfolio up once, for its rows, not a second time for its header.
  const figures = async () => {
    const [now, then] = await Promise.all([
      getPillarProgress(m),
      asOf.compare !== null ? getPillarProgress({ before: asOf.compareBefore, day: asOf.day }) : null,
    ]);
    return { now, then };
  };
  return queryPillarTree(
    db(),
    number.data,
    {
      ...m,
      amberLast: await amberLastFor(asOf.day),
      ...(asOf.compare !== null ? { compareBefore: asOf.compareBefore } : {}),
    },
    figures,
  );
}
