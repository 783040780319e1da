import { getFormatter, getTranslations } from "next-intl/server";
import type { HistoryEntry } from "@/lib/queries/item-view";
import { ChangeList } from "./item-changes";
import styles from "./item.module.css";

/** The item's history as a readable timeline: who changed which fields, when, from what to what, and why. */
export async function ItemHistory({ history, truncated }: { history: HistoryEntry[]; truncated: boolean }) {
  const [t, tAction, format] = await Promise.all([
    getTranslations("item"),
    getTranslations("historyAction"),
    getFormatter(),
  ]);
  return (
    <>
      <ol className="timeline" data-testid="history">
        {history.map((h) => (
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
        ))}
      </ol>
      {truncated && <p className="small muted">{t("historyTruncated", { count: history.length })}</p>}
    </>
  );
}
