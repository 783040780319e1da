"use client";
import { useTranslations } from "next-intl";
import styles from "./forms.module.css";

/**
 * A field's messages, next to it, announced when they appear. Keys come from the action's fieldErrors;
 * `values` fills their placeholders (a length limit's {max}). A key the catalogue lacks reads "invalid".
 */
export function FieldError({
  id,
  errors,
  values,
}: {
  id: string;
  errors: readonly string[] | undefined;
  values?: Record<string, number>;
}) {
  const t = useTranslations();
  return (
    <span id={id} className={styles.fieldError} aria-live="polite">
      {errors
        ?.map((key) => (t.has(key as never) ? t(key as never, values as never) : t("actionErrors.invalid")))
        .join(" ")}
    </span>
  );
}
