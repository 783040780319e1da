import { getFormatter, getTranslations } from "next-intl/server";
import { ConfidenceBadge, StatusBadge } from "@/components/ui/badges";
import type { ItemDetail } from "@/lib/data/items";

export async function ItemUpdates({ updates }: { updates: ItemDetail["progressUpdates"] }) {
  const [t, format] = await Promise.all([getTranslations("item"), getFormatter()]);
  if (updates.length === 0) return <p className="muted">{t("noUpdates")}</p>;
  return (
    <ol className="timeline">
      {updates.map((u) => (
        <li key={u.id}>
          <div>
            <time dateTime={u.createdAt.toISOString()}>{format.dateTime(u.createdAt, { dateStyle: "medium" })}</time> ·{" "}
            {u.author?.displayName ?? t("system")}
            {u.unit ? `（${u.unit.name}）` : ""} · <StatusBadge status={u.status} /> <ConfidenceBadge confidence={u.confidence} /> {u.progress}%
          </div>
          {/* Notes are user text: React escapes it, so markup in a note shows as text. */}
          <p style={{ margin: ".25rem 0", whiteSpace: "pre-wrap" }}>{u.note}</p>
          {u.nextSteps && <p className="small" style={{ margin: 0 }}>{t("nextSteps")}：{u.nextSteps}</p>}
          {u.blockers && <p className="small" style={{ margin: 0 }}>{t("blockers")}：{u.blockers}</p>}
          {u.evidenceLinks.length > 0 && (
            <p className="small" style={{ margin: 0 }}>
              {t("evidence")}：
              {u.evidenceLinks.map((href) => (
                <a key={href} href={/^https?:\/\//.test(href) ? href : undefined} rel="noopener noreferrer" style={{ marginRight: ".5rem" }}>
                  {href}
                </a>
              ))}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
