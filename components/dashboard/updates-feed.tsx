"use client";

// The recent updates as compact rows (one short array each instead of a tree of elements in the RSC payload);
// rendered on the server as well (SSR), so the feed is in the first HTML.
import Link from "@/components/ui/link";
import styles from "./dashboard.module.css";

/** [id, ISO time, time as shown, unit, code, title in the page's language, item href, status, confidence, progress, note] */
export type UpdateRow = [number, string, string, string, string, string, string, string, string | null, number, string];

export function UpdatesFeed({ rows, badges }: { rows: UpdateRow[]; badges: Record<string, string> }) {
  return (
    <ol className={styles.feed}>
      {rows.map(([id, iso, time, unit, code, title, href, status, confidence, progress, note]) => (
        <li key={id}>
          <div className="small muted">
            <time dateTime={iso}>{time}</time> · {unit}
          </div>
          <Link href={href}>
            {code} {title}
          </Link>{" "}
          <span className={`badge badge--${status}`}>{badges[status]}</span>{" "}
          {confidence ? <span className={`badge badge--${confidence}`}>{badges[confidence]}</span> : null}{" "}
          <span className="small">{progress}%</span>
          <p className={styles.feedNote} lang="zh-CN">
            {note}
          </p>
        </li>
      ))}
    </ol>
  );
}
