import { ConfidenceBadge, StatusBadge } from "@/components/ui/badges";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { Confidence, ItemStatus } from "@/lib/generated/prisma/enums";

/** A row's status and confidence cell and its progress cell (`notSet` when it has no progress). */
export function StatusCells({
  row,
  progressLabel,
  notSet,
}: {
  row: { status: string; confidence: string | null; progress: number | null };
  progressLabel: string;
  notSet: string;
}) {
  return (
    <>
      <td>
        <StatusBadge status={row.status as ItemStatus} />{" "}
        <ConfidenceBadge confidence={row.confidence as Confidence | null} />
      </td>
      <td>{row.progress === null ? notSet : <ProgressBar value={Math.round(row.progress)} label={progressLabel} />}</td>
    </>
  );
}
