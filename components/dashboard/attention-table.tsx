"use client";

// The overdue and lagging items as compact rows (one short array each instead of a tree of elements in the RSC
// payload); rendered on the server as well (SSR), so the table is in the first HTML.
import { ColumnHeaders } from "@/components/ui/data-table";
import Link from "@/components/ui/link";
import styles from "./dashboard.module.css";

/** [code, title in the page's language, item page href, lead unit(s), due day, days overdue or off track, progress, status, confidence] */
export type AttentionRow = [string, string, string, string, string, string, string, string, string | null];

export function AttentionTable({
  head,
  rows,
  badges,
}: {
  head: string[];
  rows: AttentionRow[];
  /** the status and confidence words the badges show, by key */
  badges: Record<string, string>;
}) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.attentionTable}>
        <thead>
          <tr>
            <ColumnHeaders labels={head} />
          </tr>
        </thead>
        <tbody>
          {rows.map(([code, title, href, lead, due, days, progress, status, confidence]) => (
            <tr key={code}>
              <td>
                <Link href={href}>
                  {code} {title}
                </Link>
              </td>
              <td>{lead}</td>
              <td>{due}</td>
              <td>{days}</td>
              <td>{progress}</td>
              <td>
                <span className={`badge badge--${status}`}>{badges[status]}</span>{" "}
                {confidence ? <span className={`badge badge--${confidence}`}>{badges[confidence]}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
