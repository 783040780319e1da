import "server-only";
// The reference tables as the open API lists them (units, regions, conferences): small, read by every role
// with portfolio:read, cached per reference version like the list page's filter options (item writes keep them).
import { requirePermission } from "../auth/session";
import { readThroughReference } from "../cache/data-version";
import { db } from "../db";

export async function listUnits() {
  await requirePermission("portfolio:read");
  return readThroughReference("reference:units", () =>
    db().unit.findMany({
      orderBy: [{ side: "asc" }, { name: "asc" }],
      select: { id: true, name: true, shortName: true, side: true, kind: true },
    }),
  );
}

export async function listRegions() {
  await requirePermission("portfolio:read");
  return readThroughReference("reference:regions", () =>
    db().region.findMany({
      orderBy: [{ side: "asc" }, { name: "asc" }],
      select: { id: true, name: true, side: true, kind: true },
    }),
  );
}

export async function listConferences() {
  await requirePermission("portfolio:read");
  return readThroughReference("reference:conferences", () =>
    db().conference.findMany({
      orderBy: { number: "asc" },
      select: { number: true, date: true, theme: true, summary: true },
    }),
  );
}
