import { getTranslations } from "next-intl/server";
import type { PeriodPhase } from "@/lib/queries/periods";

const CLASS: Record<PeriodPhase, string> = {
  UPCOMING: "badge",
  OPEN: "badge badge--GREEN",
  PAST_DEADLINE: "badge badge--AMBER",
  CLOSED: "badge badge--COMPLETED",
};

export async function PhaseBadge({ phase }: { phase: PeriodPhase }) {
  const t = await getTranslations("periods.phase");
  return (
    <span className={CLASS[phase]} data-testid="period-phase">
      {t(phase)}
    </span>
  );
}
