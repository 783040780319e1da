import { getFormatter, getTranslations } from "next-intl/server";
import { ConfidenceBadge, StatusBadge } from "@/components/ui/badges";
import type { UpdateEntry } from "@/lib/queries/item-view";
import type { Confidence, ItemStatus } from "@/lib/generated/prisma/enums";
import styles from "./item.module.css";

export async function UpdateHeader({ u }: { u: UpdateEntry }) {
  const [t, tSide, format] = await Promise.all([getTranslations("item"), getTranslations("side"), getFormatter()]);
  return (
    <div>
      <time dateTime={u.createdAt.toISOString()}>{format.dateTime(u.createdAt, { dateStyle: "medium" })}</time> ·{" "}
      {u.author ?? t("system")}
      {u.unit ? `（${t("unitWithSide", { name: u.unit.name, side: tSide(u.unit.side as never) })}）` : ""} ·{" "}
      <StatusBadge status={u.status as ItemStatus} /> <ConfidenceBadge confidence={u.confidence as Confidence} />{" "}
      {u.progress}%
    </div>
  );
}

export async function ItemUpdates({ updates }: { updates: UpdateEntry[] }) {
  const t = await getTranslations("item");
  if (updates.length === 0) return <p className="muted">{t("noUpdates")}</p>;
  return (
    <ol className="timeline" data-testid="updates">
      {updates.map((u) => (
        <li key={u.id}>
          <UpdateHeader u={u} />
          {/* Notes are user text: React escapes it, so markup in a note shows as text. */}
          <p className={styles.note}>{u.note}</p>
          {u.nextSteps && (
            <p className={`small ${styles.tight}`}>
              {t("nextSteps")}：{u.nextSteps}
            </p>
          )}
          {u.blockers && (
            <p className={`small ${styles.tight}`}>
              {t("blockers")}：{u.blockers}
            </p>
          )}
          {u.evidenceLinks.length > 0 && (
            <p className={`small ${styles.tight}`}>
              {t("evidence")}：
              {u.evidenceLinks.map((href) => (
                <a
                  key={href}
                  href={/^https?:\/\//.test(href) ? href : undefined}
                  rel="noopener noreferrer"
                  className={styles.evidence}
                >
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
