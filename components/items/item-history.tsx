import { getFormatter, getTranslations } from "next-intl/server";
import type { HistoryEntry } from "@/lib/queries/item-view";
import { ChangeList } from "./item-changes";
import styles from "./item.module.css";

/** The item's history as a readable timeline: who changed which fields, when, from what to what, and why. */
export async function ItemHistory({ history, truncated }: { history: HistoryEntry[]; truncated: boolean }) {
  const [t, tAction, tCycle, format] = await Promise.all([
    getTranslations("item"),
    getTranslations("historyAction"),
    getTranslations("cycle"),
    getFormatter(),
  ]);
  return (
    <>
      <ol className="timeline" data-testid="history">
        {history.map((h) =>
          h.report ? (
            // A step of a report: submitted, returned, approved (销号), withdrawn — who and when, and the comment.
            <li key={h.id} data-testid="history-report-step" data-action={h.report.action}>
              <div>
                <strong>{tCycle(`action.${h.report.action}` as never)}</strong> ·{" "}
                <time dateTime={h.changedAt.toISOString()}>
                  {format.dateTime(h.changedAt, { dateStyle: "medium", timeStyle: "short" })}
                </time>{" "}
                · {h.actor ?? tCycle("systemDecision")}
              </div>
              {h.report.comment && (
                <div className={`small ${styles.reason}`}>{tCycle("commentQuoted", { comment: h.report.comment })}</div>
              )}
            </li>
          ) : (
            <li key={h.id} data-testid="history-entry" data-version={h.version}>
              <div>
                <strong>{tAction(h.action as never)}</strong> · {t("version", { version: h.version })} ·{" "}
                <time dateTime={h.changedAt.toISOString()}>
                  {format.dateTime(h.changedAt, { dateStyle: "medium", timeStyle: "short" })}
                </time>{" "}
                · {h.actor ?? t("system")}
              </div>
              {h.changes.length > 0 && <ChangeList changes={h.changes} />}
              {h.reason && (
                <div className={`small ${styles.reason}`}>
                  {t("reason")}：{h.reason}
                </div>
              )}
            </li>
          ),
        )}
      </ol>
      {truncated && <p className="small muted">{t("historyTruncated", { count: history.length })}</p>}
    </>
  );
}
