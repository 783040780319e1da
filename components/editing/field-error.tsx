"use client";
import { useTranslations } from "next-intl";
import styles from "./editing.module.css";

/** A field's messages, next to it, announced when they appear. Keys come from the action's fieldErrors. */
export function FieldError({
  id,
  errors,
  values,
}: {
  id: string;
  errors: string[] | undefined;
  values?: Record<string, number>;
}) {
  const t = useTranslations();
  return (
    <span id={id} className={styles.error} aria-live="polite">
      {errors
        ?.map((key) => (t.has(key as never) ? t(key as never, values as never) : t("actionErrors.invalid")))
        .join(" ")}
    </span>
  );
}
