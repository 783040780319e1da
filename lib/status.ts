// The status vocabulary (documented in README.md, "Status vocabulary").
// Status is where an item is in its life; Confidence (green/amber/red) is how well it is going. They are kept
// apart on purpose, as GitHub's project status updates and OpenProject do: an item can be 推进中 and red.
import type { ItemStatus } from "./generated/prisma/enums";

export const ITEM_STATUSES = [
  "NOT_ASSESSED",
  "NOT_STARTED",
  "IN_PROGRESS",
  "ON_HOLD",
  "COMPLETED",
  "CANCELLED",
] as const satisfies readonly ItemStatus[];

/** Statuses that end an item's life: they count as done or dropped, never as overdue. */
export const CLOSED_STATUSES: readonly ItemStatus[] = ["COMPLETED", "CANCELLED"];

export function isClosed(status: ItemStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

/**
 * The progress a status implies when the reporter gives none, or overrides what they gave:
 * 已完成 is always 100 and 未启动 always 0. Other statuses keep the reported progress.
 */
export function impliedProgress(status: ItemStatus, reported: number | null): number | null {
  if (status === "COMPLETED") return 100;
  if (status === "NOT_STARTED") return 0;
  return reported;
}
