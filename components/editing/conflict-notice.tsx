"use client";
import { useFormatter, useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/buttons";
import type { ConflictInfo } from "@/lib/writes/conflict";
import styles from "./editing.module.css";

/**
 * What changed since the form was loaded (field: old → new, who, when), when the action answered a conflict.
 * The form passes the "re-apply" button it owns as children.
 */
export function ConflictNotice({
  conflict,
  children,
}: {
  conflict: ConflictInfo | undefined;
  children?: React.ReactNode;
}) {
  const t = useTranslations();
  const format = useFormatter();
  if (!conflict) return null;
  const value = (kind: string, v: string | null) => {
    if (v === null) return t("item.noValue");
    if (kind === "status") return t(`status.${v}` as never);
    if (kind === "confidence") return t(`confidence.${v}` as never);
    return v;
  };
  const field = (f: string) => (t.has(`field.${f}` as never) ? t(`field.${f}` as never) : f);
  return (
    <section className={styles.conflict} role="alert" data-testid="conflict">
      <h2>{t("editing.conflict.title")}</h2>
      <p>{t("editing.conflict.intro")}</p>
      {conflict.changes.length > 0 ? (
        <ul>
          {conflict.changes.map((c, i) => (
            <li key={`${c.version}-${c.field}-${i}`}>
              {t("editing.conflict.change", {
                field: field(c.field),
                from: value(c.kind, c.from),
                to: value(c.kind, c.to),
              })}
              <span className="small muted">
                {t("editing.conflict.byAt", {
                  by: c.by ?? t("item.system"),
                  at: format.dateTime(new Date(c.at), { dateStyle: "medium", timeStyle: "short" }),
                })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("editing.conflict.empty")}</p>
      )}
      <p>{t("editing.conflict.kept")}</p>
      {children}
    </section>
  );
}

/**
 * An editing form's own submit, which gives way to the notice's re-apply button while a conflict is shown.
 * `messages` names the form's messages (editing.edit or editing.update), which hold its two labels.
 */
export function SaveUnlessConflict({
  conflict,
  pending,
  messages,
}: {
  conflict: ConflictInfo | undefined;
  pending: boolean;
  messages: "edit" | "update";
}) {
  const t = useTranslations("editing");
  if (conflict) return null;
  return (
    <div className={styles.actions}>
      <SubmitButton pending={pending} pendingLabel={t(`${messages}.submitting`)} label={t(`${messages}.submit`)} />
    </div>
  );
}
