import "server-only";
// The regions the dashboard map places (every region, not only those with items), for readers of the portfolio.
import { requirePermission } from "../auth/session";
import { readThrough } from "../cache/data-version";
import { db } from "../db";
import { queryMapRegions } from "../queries/map";

export async function getMapRegions() {
  await requirePermission("portfolio:read");
  // regions change only with the data (a seed), so the version-keyed cache holds them between writes
  return readThrough("dashboard:map-regions", [], () => queryMapRegions(db()));
}
