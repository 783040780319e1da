import type { ReactNode } from "react";
import styles from "./tables.module.css";

/**
 * A chart's figures as a table, folded under `summary`: what a screen reader reads and a person can copy. The
 * table is named by its caption, or by the heading `labelledBy` points at; `children` are its head and body.
 */
export function ChartTable({
  summary,
  caption,
  labelledBy,
  testId,
  children,
}: {
  summary: ReactNode;
  caption?: ReactNode;
  labelledBy?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <details className={styles.details}>
      <summary>{summary}</summary>
      <div className={styles.tableWrap}>
        <table aria-labelledby={labelledBy} data-testid={testId}>
          {caption === undefined ? null : <caption className="small muted">{caption}</caption>}
          {children}
        </table>
      </div>
    </details>
  );
}
