"use client";

// Progress by pillar, drawn from compact figures and the few words each pillar needs (instead of a tree of
// elements in the RSC payload); rendered on the server as well (SSR), so it is in the first HTML.
import Link from "@/components/ui/link";
import styles from "./dashboard.module.css";

export interface PillarEntry {
  number: number;
  /** "第1方面", its page, its name and the name's language */
  label: string;
  href: string;
  name: string;
  lang: string;
  actions: [string, string, number];
  completed: string;
  overdue: [string, string, number] | null;
  /** progress as aria-valuenow, bar width and the value shown */
  bar: [number, number, string];
  barLabel: string;
  recsLabel: string;
  /** [link text, href, value shown] of the recommendations listed */
  recs: [string, string, string][];
  /** "全部 N 条工作建议": [text, href, count] when more exist than are listed */
  all: [string, string, number] | null;
}

export function PillarList({ pillars }: { pillars: PillarEntry[] }) {
  return (
    <ol className={styles.pillars}>
      {pillars.map((p) => (
        <li key={p.number} className={styles.pillar} data-testid={`pillar-${p.number}`}>
          <div className={styles.pillarHead}>
            <h3>
              <Link href={p.href}>{p.label}</Link> <span lang={p.lang}>{p.name}</span>
            </h3>
            <span className={styles.meta}>
              <Link href={p.actions[1]} data-count={p.actions[2]}>
                {p.actions[0]}
              </Link>
              <span>{p.completed}</span>
              {p.overdue ? (
                <Link href={p.overdue[1]} data-count={p.overdue[2]}>
                  {p.overdue[0]}
                </Link>
              ) : null}
            </span>
          </div>
          <div className={styles.bar}>
            <div
              className={styles.barTrack}
              role="progressbar"
              aria-label={p.barLabel}
              aria-valuenow={p.bar[0]}
              aria-valuemin={0}
              aria-valuemax={100}
            >
              <div className={styles.barFill} style={{ width: `${p.bar[1]}%` }} />
            </div>
            <span className={styles.barValue} data-testid="pillar-progress-value">
              {p.bar[2]}
            </span>
          </div>
          <ul className={styles.recs} aria-label={p.recsLabel}>
            {p.recs.map(([text, href, value]) => (
              <li key={href}>
                <Link href={href}>{text}</Link>
                <span>{value}</span>
              </li>
            ))}
            {p.all ? (
              <li>
                <Link href={p.all[1]} data-count={p.all[2]} data-count-rows="recommendation">
                  {p.all[0]}
                </Link>
              </li>
            ) : null}
          </ul>
        </li>
      ))}
    </ol>
  );
}
