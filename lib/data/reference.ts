import "server-only";
// The reference tables as the open API lists them (units, regions, conferences): small, read by every role
// with portfolio:read, cached per data version like the list page's filter options.
import { requirePermission } from "../auth/session";
import { readThrough } from "../cache/data-version";
import { db } from "../db";

export async function listUnits() {
  await requirePermission("portfolio:read");
  return readThrough("reference:units", [], () =>
    db().unit.findMany({
      orderBy: [{ side: "asc" }, { name: "asc" }],
      select: { id: true, name: true, shortName: true, side: true, kind: true },
    }),
  );
}

export async function listRegions() {
  await requirePermission("portfolio:read");
  return readThrough("reference:regions", [], () =>
    db().region.findMany({
      orderBy: [{ side: "asc" }, { name: "asc" }],
      select: { id: true, name: true, side: true, kind: true },
    }),
  );
}

export async function listConferences() {
  await requirePermission("portfolio:read");
  return readThrough("reference:conferences", [], () =>
    db().conference.findMany({
      orderBy: { number: "asc" },
      select: { number: true, date: true, theme: true, summary: true },
    }),
  );
}
