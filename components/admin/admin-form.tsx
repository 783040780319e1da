"use client";
import type { ReactNode } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionFailure } from "@/lib/forms/result";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import styles from "./admin.module.css";

/**
 * An admin form around its fields: it sends `action` (useActionForm), is named by `label`, carries the hidden
 * id of what it changes, and shows the answer of the last submit and the submit button. `children` gets the
 * field errors of the last answer.
 */
export function AdminForm<R extends { ok: true } | ActionFailure>({
  action,
  resetOnSuccess,
  label,
  idName,
  idValue,
  success,
  submitLabel,
  pendingLabel,
  children,
}: {
  action: (prev: R | null, formData: FormData) => Promise<R>;
  resetOnSuccess?: boolean;
  label: string;
  idName: string;
  idValue: number | undefined;
  success?: string;
  submitLabel: string;
  pendingLabel: string;
  children: (errorsOf: (field: string) => string[]) => ReactNode;
}) {
  const { formRef, onSubmit, state, pending, errorsOf } = useActionForm(action, { resetOnSuccess });
  return (
    <form ref={formRef} onSubmit={onSubmit} className={styles.form} noValidate aria-label={label}>
      {idValue !== undefined && <input type="hidden" name={idName} value={idValue} />}
      {children(errorsOf)}
      <FormMessage state={state} success={success} />
      <div>
        <SubmitButton pending={pending} pendingLabel={pendingLabel} label={submitLabel} />
      </div>
    </form>
  );
}
