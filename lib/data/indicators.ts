import "server-only";
// Reads of the 指标 (lib/queries/indicators.ts), live or as of a moment: an item's indicators with their trends
// for the item page, and the 关键指标 for the dashboard (shared across readers through the version-keyed cache:
// every write to indicators or their values moves the data version).
import { requirePermission } from "../auth/session";
import { readThrough } from "../cache/data-version";
import { db } from "../db";
import * as q from "../queries/indicators";

export type { HeadlineIndicator, ItemIndicator } from "../queries/indicators";

export async function getItemIndicators(itemId: number, before: Date | null): Promise<q.ItemIndicator[]> {
  await requirePermission("portfolio:read");
  return readThrough(`item-indicators:${itemId}:${before?.toISOString() ?? "live"}`, [before], () =>
    q.queryItemIndicators(db(), itemId, before),
  );
}

export async function getHeadlineIndicators(before: Date | null): Promise<q.HeadlineIndicator[]> {
  await requirePermission("portfolio:read");
  return readThrough(`dashboard:headline-indicators:${before?.toISOString() ?? "live"}`, [before], () =>
    q.queryHeadlineIndicators(db(), before),
  );
}

/** The given indicators as they stood at `before` (the dashboard's compare day): latest value by then, 完成度. */
export async function getIndicatorsAt(before: Date, indicatorIds: number[]): Promise<q.HeadlineIndicator[]> {
  await requirePermission("portfolio:read");
  if (indicatorIds.length === 0) return [];
  const ids = [...indicatorIds].sort((a, b) => a - b);
  return readThrough(`dashboard:indicators-at:${before.toISOString()}:${ids.join(",")}`, [before], () =>
    q.queryIndicatorsAt(db(), before, { indicatorIds: ids }),
  );
}
