import { getFormatter, getTranslations } from "next-intl/server";
import type { ItemDetail } from "@/lib/data/items";

/** The item's history as a readable timeline: who changed what, when, and why. */
export async function ItemHistory({ history }: { history: ItemDetail["history"] }) {
  const [t, tAction, tField, format] = await Promise.all([
    getTranslations("item"),
    getTranslations("historyAction"),
    getTranslations("field"),
    getFormatter(),
  ]);
  return (
    <ol className="timeline" data-testid="history">
      {history.map((h) => (
        <li key={h.id.toString()}>
          <div>
            <strong>{tAction(h.action)}</strong> · {t("version", { version: h.version })} ·{" "}
            <time dateTime={h.changedAt.toISOString()}>{format.dateTime(h.changedAt, { dateStyle: "medium", timeStyle: "short" })}</time> ·{" "}
            {h.actor?.displayName ?? t("system")}
          </div>
          {h.action !== "CREATE" && h.changedFields.length > 0 && (
            <div className="small muted">
              {t("changed")}：{h.changedFields.map((f) => (tField.has(f as never) ? tField(f as never) : f)).join("、")}
            </div>
          )}
          {h.reason && (
            <div className="small">
              {t("reason")}：{h.reason}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
