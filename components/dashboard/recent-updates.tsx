import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ConfidenceBadge, StatusBadge } from "@/components/ui/badges";
import { TIME_ZONE } from "@/lib/dates";
import { getRecentUpdates } from "@/lib/data/dashboard";
import type { AsOfSelection } from "@/lib/as-of-selection";
import styles from "./dashboard.module.css";
import { withAsOf } from "./format";
import { Widget } from "./widget";
import { ItemLink } from "@/components/ui/item-link";

export async function RecentUpdatesPanel({ selection }: { selection: AsOfSelection }) {
  const [updates, t, format, locale] = await Promise.all([
    getRecentUpdates(selection),
    getTranslations("dashboard"),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <Widget id="updates" title={t("updates.heading")}>
      {updates.length === 0 ? (
        <p>{t("updates.empty")}</p>
      ) : (
        <ol className={styles.feed}>
          {updates.map((u) => (
            <li key={u.id}>
              <div className="small muted">
                <time dateTime={u.createdAt.toISOString()}>
                  {format.dateTime(u.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE })}
                </time>{" "}
                · {u.unitName ?? t("updates.noUnit")}
              </div>
              <ItemLink item={u} locale={locale} href={withAsOf(`/items/${u.code}`, selection)} />{" "}
              <StatusBadge status={u.status} /> <ConfidenceBadge confidence={u.confidence} />{" "}
              <span className="small">{u.progress}%</span>
              <p className={styles.feedNote} lang="zh-CN">
                {u.note.length > 140 ? `${u.note.slice(0, 140)}…` : u.note}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Widget>
  );
}
