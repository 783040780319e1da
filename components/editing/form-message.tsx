"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { ItemFormState } from "@/lib/actions/items";
import styles from "./editing.module.css";

/**
 * The form-level answer of an action: success, the failure message, and for a conflict what changed since
 * the form was loaded (field: old → new, who, when). The conflict itself is rendered by the form, which
 * owns the "re-apply" button.
 */
export function FormMessage({ state, successKey }: { state: ItemFormState<unknown>; successKey?: string }) {
  const t = useTranslations();
  return (
    <div aria-live="polite" role="status">
      {state?.ok && (state.message || successKey) && (
        <p className={styles.success}>{t((state.message ?? successKey) as never)}</p>
      )}
      {state && !state.ok && state.code !== "conflict" && (
        <p className={styles.alert} role="alert">
          {t.has(state.message as never) ? t(state.message as never) : t(`actionErrors.${state.code}` as never)}
        </p>
      )}
    </div>
  );
}

export function ConflictNotice({ state, children }: { state: ItemFormState<unknown>; children?: React.ReactNode }) {
  const t = useTranslations();
  const format = useFormatter();
  if (!state || state.ok || state.code !== "conflict" || !("conflict" in state) || !state.conflict) return null;
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
      {state.conflict.changes.length > 0 ? (
        <ul>
          {state.conflict.changes.map((c, i) => (
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
