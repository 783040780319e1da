// Every region of the database, for the dashboard map: the map places them all, including the ones no item
// names yet (their figures come from the regions table's query, lib/queries/dashboard.ts).
import type { Db } from "../prisma-client";
import type { MapRegion } from "../map/layout";

export async function queryMapRegions(d: Db): Promise<MapRegion[]> {
  return d.region.findMany({ select: { id: true, name: true, side: true, kind: true }, orderBy: { id: "asc" } });
}
