"use client";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { Fields } from "@/components/forms/field";
import type { ActionFailure } from "@/lib/forms/result";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import { HiddenInputs } from "@/components/forms/hidden-inputs";
import styles from "./admin.module.css";

/**
 * An admin form around its fields: it sends `action` (useActionForm), is named by `label`, carries `hidden`
 * inputs (the id of what it changes), and shows the answer of the last submit and the submit button
 * (`pendingLabel` defaults to "saving"). `children` are its fields, their ids starting with `ids`, their initial
 * values from `values` (see Fields).
 */
export function AdminForm<R extends { ok: true } | ActionFailure>({
  action,
  ids,
  resetOnSuccess,
  label,
  hidden = {},
  values,
  success,
  submitLabel,
  pendingLabel,
  children,
}: {
  action: (prev: R | null, formData: FormData) => Promise<R>;
  ids: string;
  resetOnSuccess?: boolean;
  label: string;
  hidden?: Record<string, number>;
  values?: object;
  success?: string;
  submitLabel: string;
  pendingLabel?: string;
  children: ReactNode;
}) {
  const t = useTranslations("admin");
  const { formRef, onSubmit, state, pending, form } = useActionForm(action, { ids, resetOnSuccess });
  return (
    <form ref={formRef} onSubmit={onSubmit} className={styles.form} noValidate aria-label={label}>
      <HiddenInputs values={hidden} />
      <Fields form={form} values={values}>
        {children}
      </Fields>
      <FormMessage state={state} success={success} />
      <div>
        <SubmitButton pending={pending} pendingLabel={pendingLabel ?? t("saving")} label={submitLabel} />
      </div>
    </form>
  );
}
