import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getConferenceTimeline } from "@/lib/data/dashboard";
import type { AsOfSelection } from "@/lib/as-of-selection";
import styles from "./dashboard.module.css";
import { isoDay } from "@/lib/dates";
import { itemsHref, percent } from "./format";
import { Widget } from "./widget";

export async function ConferenceTimelinePanel({ selection }: { selection: AsOfSelection }) {
  const [conferences, t] = await Promise.all([getConferenceTimeline(selection), getTranslations("dashboard")]);
  return (
    <Widget id="conferences" title={t("conferences.heading")} wide>
      {conferences.length === 0 ? (
        <p>{t("conferences.empty")}</p>
      ) : (
        <ol className={styles.timeline}>
          {conferences.map((c) => (
            <li key={c.number} data-testid={`conference-${c.number}`}>
              <strong>{t("conferences.number", { number: c.number })}</strong> ·{" "}
              <time dateTime={isoDay(c.date)!}>{isoDay(c.date)}</time>
              <div lang="zh-CN">{c.theme}</div>
              <div className="small">
                {/* The name starts with the visible words (WCAG 2.5.3: speech users say what they see). */}
                <Link
                  href={itemsHref({ conference: c.number }, selection)}
                  data-count={c.items}
                  aria-label={`${t("conferences.items", { count: c.items })} ${t("conferences.viewItems", { number: c.number })}`}
                >
                  {t("conferences.items", { count: c.items })}
                </Link>
                {c.items > 0 ? ` · ${percent(c.progress, t("noValue"))}` : ""}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Widget>
  );
}
