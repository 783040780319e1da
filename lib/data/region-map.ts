import "server-only";
// The regions the dashboard map places (every region, not only those with items), for readers of the portfolio.
import { requirePermission } from "../auth/session";
import { readThroughReference } from "../cache/data-version";
import { db } from "../db";
import { queryMapRegions } from "../queries/map";

export async function getMapRegions() {
  await requirePermission("portfolio:read");
  // regions change only with the reference tables (a seed), so item writes keep them
  return readThroughReference("dashboard:map-regions", () => queryMapRegions(db()));
}
