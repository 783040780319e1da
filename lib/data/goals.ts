import "server-only";
import { requirePermission } from "../auth/session";
import { readThroughReference } from "../cache/data-version";
import { db } from "../db";

/** The document's framing goals, shown as context (they are not tracked items). */
export async function listGoals() {
  await requirePermission("portfolio:read");
  return readThroughReference("goals", () =>
    db().goal.findMany({ orderBy: { number: "asc" }, select: { number: true, title: true, titleEn: true } }),
  );
}
