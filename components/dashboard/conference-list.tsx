"use client";

// The 联席会议 timeline, drawn from compact rows (one short array per conference instead of a tree of elements in
// the RSC payload). Rendered on the server as well (SSR): in the first HTML, every count a link.
import Link from "@/components/ui/link";
import styles from "./dashboard.module.css";
import { fill, itemsHref, percent } from "./format";

/** [number, date (YYYY-MM-DD), theme, linked items, their progress (one decimal) or null] */
export type ConferenceRow = [number, string, string, number, number | null];

export function ConferenceList({
  rows,
  asOf,
  text,
}: {
  rows: ConferenceRow[];
  asOf: string | null;
  /** each with {number} or {count} to fill in */
  text: { number: string; items: string; viewItems: string; none: string };
}) {
  return (
    <ol className={styles.timeline}>
      {rows.map(([number, date, theme, items, progress]) => {
        const count = fill(text.items, { count: items });
        return (
          <li key={number} data-testid={`conference-${number}`}>
            <strong>{fill(text.number, { number })}</strong> · <time dateTime={date}>{date}</time>
            <div lang="zh-CN">{theme}</div>
            <div className="small">
              {/* The name starts with the visible words (WCAG 2.5.3: speech users say what they see). */}
              <Link
                href={itemsHref({ conference: number }, { asOf })}
                data-count={items}
                aria-label={`${count} ${fill(text.viewItems, { number })}`}
              >
                {count}
              </Link>
              {items > 0 ? ` · ${percent(progress, text.none)}` : ""}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
