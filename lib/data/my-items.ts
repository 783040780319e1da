import "server-only";
import { forbidden } from "next/navigation";
import { db } from "../db";
import { requireUser } from "../auth/session";
import { can } from "../permissions";
import { isoDay, todayInChina } from "../dates";
import { isClosed } from "../status";
import { reportedStateSelect } from "./item-edit";
import { now as clockNow } from "../clock";
import { itemLight } from "../item-light";
import { amberLastFor } from "./item-lights";

export type MyRole = "lead" | "coLead" | "supporting";

/**
 * "My items": the open items where the user's unit leads, co-leads or supports, overdue first, then those
 * not updated for longest (never updated before any), then by code. Only roles that can post updates
 * have a "my items" list; a viewer gets 403.
 */
export async function listMyItems() {
  const user = await requireUser();
  if (!can(user, "item:post-update")) forbidden();
  if (user.unitId === null) return { user, today: todayInChina(), items: [] };
  const unitId = user.unitId;
  const rows = await db().item.findMany({
    where: {
      retiredAt: null,
      OR: [{ leadUnitId: unitId }, { coLeadUnitId: unitId }, { supportingUnits: { some: { unitId } } }],
    },
    select: {
      ...reportedStateSelect,
      dueDate: true,
      lastUpdateAt: true,
      leadUnitId: true,
      coLeadUnitId: true,
    },
  });
  // The unit's report on each item that is not decided yet: 草稿, 待审核 or 已退回 (the latest, if several).
  const open = await db().progressUpdate.findMany({
    where: { unitId, itemId: { in: rows.map((r) => r.id) }, state: { in: ["DRAFT", "SUBMITTED", "RETURNED"] } },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    select: { itemId: true, state: true },
  });
  const reportState = new Map(open.map((r) => [r.itemId, r.state as "DRAFT" | "SUBMITTED" | "RETURNED"]));
  const today = todayInChina();
  const amberLast = await amberLastFor(today);
  const now = clockNow().getTime();
  const items = rows.map((r) => {
    const due = isoDay(r.dueDate);
    const role: MyRole = r.leadUnitId === unitId ? "lead" : r.coLeadUnitId === unitId ? "coLead" : "supporting";
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      titleEn: r.titleEn,
      version: r.version,
      status: r.status,
      progress: r.progress,
      confidence: r.confidence,
      dueDate: due,
      overdue: due !== null && due < today && !isClosed(r.status),
      light: itemLight({ open: !isClosed(r.status), dueDate: due }, today, amberLast),
      daysSinceUpdate: r.lastUpdateAt ? Math.floor((now - r.lastUpdateAt.getTime()) / 86_400_000) : null,
      lastUpdateAt: r.lastUpdateAt?.getTime() ?? null,
      role,
      reportState: reportState.get(r.id) ?? null,
    };
  });
  const byCode = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });
  items.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.lastUpdateAt ?? -Infinity) - (b.lastUpdateAt ?? -Infinity) ||
      byCode(a.code, b.code),
  );
  return { user, today, items };
}

export type MyItem = Awaited<ReturnType<typeof listMyItems>>["items"][number];
