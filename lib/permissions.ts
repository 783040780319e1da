// The one permission table. Deny by default: a permission not listed for a role is refused, and every
// action, route handler and non-public read asks `can()` (through requirePermission) itself.
import type { Role, Side } from "./generated/prisma/enums";

export interface Actor {
  id: number;
  role: Role;
  unitId: number | null;
  /** coordinators only: the side whose items they review; JOINT (联合办公室) means both sides */
  coordinatorScope?: Side | null;
}

/** The units an item belongs to; editors may write only where their unit is one of them. */
export interface UnitScope {
  leadUnitId: number | null;
  coLeadUnitId: number | null;
  supportingUnitIds: readonly number[];
  /** the sides of the item's lead and co-lead units: coordinators review where their side is one of them */
  leadSides?: readonly Side[];
}

/** true: always; "ownUnit": where the actor's unit is one of the item's; "ownSide": where the coordinator's
 *  side leads or co-leads the item. */
type Rule = true | "ownUnit" | "ownSide";

export const PERMISSIONS = {
  /** dashboard, pillar pages, item lists and item pages, history */
  "portfolio:read": { ADMIN: true, EDITOR: true, VIEWER: true, COORDINATOR: true },
  /** status reports and data exports */
  "report:export": { ADMIN: true, EDITOR: true, VIEWER: true, COORDINATOR: true },
  /** read reporting periods, their fulfilment, their frozen 情况通报, and evidence files */
  "period:read": { ADMIN: true, EDITOR: true, VIEWER: true, COORDINATOR: true },
  /** approve or return a submitted report (an approval of a 销号 report closes the item) */
  "report:review": { ADMIN: true, COORDINATOR: "ownSide" },
  /** create custom periods and close a period early */
  "period:manage": { ADMIN: true, COORDINATOR: true },
  /** the cycle's settings (period kind, deadline day, review on or off) and the chase's rules (催办/督办 days) */
  "cycle:configure": { ADMIN: true },
  /** the working-day calendar's entries (a year the calendar package does not carry yet) */
  "calendar:manage": { ADMIN: true },
  /** read 督办, their notices and the chase record (not secret among the offices: the 情况通报 names late units
   *  too); an editor's 督办 list shows their own unit's */
  "supervision:read": { ADMIN: true, EDITOR: true, VIEWER: true, COORDINATOR: true },
  /** 考评: the ratings of closed periods and the 红黑榜 (every unit's), or — an editor — their own unit's figures and
   *  the records behind them only */
  "rating:read": { ADMIN: true, VIEWER: true, COORDINATOR: true, EDITOR: "ownUnit" },
  /** the 考评's weights (/admin/ratings) */
  "rating:configure": { ADMIN: true },
  /** 签收 and 办理反馈 of a 督办 (editors of the 督办's unit) */
  "supervision:respond": { ADMIN: true, EDITOR: "ownUnit" },
  /** post a progress update (status, progress, confidence, note…) */
  "item:post-update": { ADMIN: true, EDITOR: "ownUnit" },
  /** edit an item's fields: responsible person, dates, weight, regions, conferences, milestones */
  "item:update": { ADMIN: true, EDITOR: "ownUnit" },
  /** mark an item's indicator as 关键指标, listed on the dashboard for leadership */
  "indicator:headline": { ADMIN: true },
  /** change which units lead, co-lead or support an item (an editor must not hand work to another unit) */
  "item:assign-units": { ADMIN: true },
  /** the item tree: add, move, retire, restore */
  "item:manage-tree": { ADMIN: true },
  /** import a spreadsheet of item changes (each row is also checked against item:update) */
  "item:import": { ADMIN: true, EDITOR: true },
  /** one's own notifications (read, mark read) and e-mail settings: every account, only its own rows */
  "account:self": { ADMIN: true, EDITOR: true, VIEWER: true, COORDINATOR: true },
  "unit:manage": { ADMIN: true },
  "user:manage": { ADMIN: true },
  "audit:read": { ADMIN: true },
  /** the background job queue (/admin/jobs): see queued, running and failed jobs, retry a failed one */
  "jobs:manage": { ADMIN: true },
  /** webhooks (/admin/webhooks): register, pause, delete, test, redeliver; and let one reach private addresses */
  "webhook:manage": { ADMIN: true },
} as const satisfies Record<string, Partial<Record<Role, Rule>>>;

export type Permission = keyof typeof PERMISSIONS;

export function inSideScope(actor: Actor, scope: UnitScope): boolean {
  const side = actor.coordinatorScope;
  if (!side) return false;
  return side === "JOINT" || (scope.leadSides ?? []).includes(side);
}

export function inUnitScope(actor: Actor, scope: UnitScope): boolean {
  if (actor.unitId == null) return false;
  return (
    scope.leadUnitId === actor.unitId ||
    scope.coLeadUnitId === actor.unitId ||
    scope.supportingUnitIds.includes(actor.unitId)
  );
}

/**
 * Whether `actor` may do `permission`. Unit-scoped permissions need the item's scope: asking without one
 * answers whether the role could do it for *some* item (used to decide whether to show an entry point).
 */
export function can(actor: Actor | null, permission: Permission, scope?: UnitScope): boolean {
  if (!actor) return false;
  const rule = (PERMISSIONS[permission] as Partial<Record<Role, Rule>>)[actor.role];
  if (rule === true) return true;
  if (rule === "ownUnit") return scope ? inUnitScope(actor, scope) : actor.unitId != null;
  if (rule === "ownSide") return scope ? inSideScope(actor, scope) : actor.coordinatorScope != null;
  return false;
}
