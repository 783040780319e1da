"use client";

// The headline figures, drawn from compact rows (one short array per figure instead of a tree of elements in the
// RSC payload). Rendered on the server as well (SSR): in the first HTML.
import Link from "@/components/ui/link";
import styles from "./dashboard.module.css";

/** [key (its test id's suffix), label, value as shown, the list it counts or null, tone class or ""] */
export type HeadlineRow = [string, string, string, string | null, string];

export function HeadlineList({ rows }: { rows: HeadlineRow[] }) {
  return (
    <dl className={styles.figures}>
      {rows.map(([key, label, value, href, tone]) => (
        <div key={key} className={`${styles.figure} ${tone}`} data-testid={`headline-${key}`}>
          <dt>{label}</dt>
          <dd>
            {href ? (
              <Link href={href} data-count={value}>
                {value}
              </Link>
            ) : (
              value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
