import { ConfidenceBadge, StatusBadge } from "@/components/ui/badges";
import { LightBadge } from "@/components/ui/light-badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { Confidence, ItemStatus } from "@/lib/generated/prisma/enums";
import type { ItemLight } from "@/lib/item-light";
import styles from "./browse.module.css";

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

/** A row's due-date cell: the date as the page writes it, and under it the row's light (红黄灯) when it has one. */
export function DueCell({ due, light }: { due: string; light: ItemLight | null }) {
  return (
    <td className={styles.num} data-testid="due-cell">
      {due}
      {light && (
        <span className={styles.sub}>
          <LightBadge light={light} />
        </span>
      )}
    </td>
  );
}
