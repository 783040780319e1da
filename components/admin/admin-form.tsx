"use client";
import { useTranslations } from "next-intl";
import { ActionForm, type ActionFormProps } from "@/components/forms/action-form";
import type { ActionFailure } from "@/lib/forms/result";
import styles from "./admin.module.css";

/**
 * An admin form around its fields: an ActionForm with the admin pages' look, whose `pendingLabel` defaults to
 * "saving".
 */
export function AdminForm<R extends { ok: true } | ActionFailure>(
  props: Omit<ActionFormProps<R>, "className" | "fieldClass" | "testId">,
) {
  const t = useTranslations("admin");
  return <ActionForm {...props} className={styles.form} pendingLabel={props.pendingLabel ?? t("saving")} />;
}
