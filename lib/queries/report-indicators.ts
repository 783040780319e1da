// The status report's 指标: every indicator of the scope's items as it stood at the report's moment, read by the
// dashboard's own query (lib/queries/indicators.ts queryIndicatorsAt: the definition from the item's history, the
// latest value reported by then, 完成度 on BigInts), so the report, the item page and the dashboard agree.
import type { Locale } from "../i18n/locales";
import { indicatorFields } from "../indicators";
import { titleIn } from "../i18n/localized";
import type { Db } from "../prisma-client";
import type { ReportIndicator } from "../report/types";
import { queryIndicatorsAt } from "./indicators";

/** The scope's indicators at `before`; `ids` undefined: every item (a report of everything). */
export async function reportIndicators(
  d: Db,
  before: Date,
  ids: number[] | undefined,
  locale: Locale,
): Promise<ReportIndicator[]> {
  if (ids !== undefined && ids.length === 0) return [];
  const rows = await queryIndicatorsAt(d, before, ids === undefined ? {} : { itemIds: ids });
  return rows.map((x) => ({
    code: x.code,
    title: titleIn(x, locale),
    ...indicatorFields(x),
    actual: x.latest?.actual ?? null,
    observedOn: x.latest?.observedOn ?? null,
    completion: x.completion,
  }));
}
