import { getTranslations } from "next-intl/server";
import { ColumnHeaders } from "@/components/ui/data-table";
import type { PeriodPhase } from "@/lib/queries/periods";
import { PhaseBadge } from "./phase-badge";

/** The headers of a period's row: the period, then its kind, dates and phase (PeriodCells). */
export async function PeriodHeaders() {
  const t = await getTranslations("periods.list");
  return (
    <ColumnHeaders
      labels={[t("colPeriod"), t("colKind"), t("colOpens"), t("colDeadline"), t("colCloses"), t("colPhase")]}
    />
  );
}

/** A period's kind, dates and phase as cells, after the cell that names it. */
export async function PeriodCells({
  period,
}: {
  period: { kind: string; opensOn: string; deadline: string; closesOn: string; phase: PeriodPhase };
}) {
  const t = await getTranslations("periods.kind");
  return (
    <>
      <td>{t(period.kind as never)}</td>
      <td>{period.opensOn}</td>
      <td>{period.deadline}</td>
      <td>{period.closesOn}</td>
      <td>
        <PhaseBadge phase={period.phase} />
      </td>
    </>
  );
}
