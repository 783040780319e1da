"use client";
import type { ComponentProps, FormEvent, ReactNode, RefObject } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import styles from "./admin.module.css";

/**
 * An admin form around its fields: submitted through what useActionForm gives, named by `label`,
 * with the hidden id of what it changes, the answer of the last submit and the submit button.
 */
export function AdminForm({
  formRef,
  onSubmit,
  state,
  pending,
  label,
  idName,
  idValue,
  success,
  submitLabel,
  pendingLabel,
  children,
}: {
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  state: ComponentProps<typeof FormMessage>["state"];
  pending: boolean;
  label: string;
  idName: string;
  idValue: number | undefined;
  success?: string;
  submitLabel: string;
  pendingLabel: string;
  children: ReactNode;
}) {
  return (
    <form ref={formRef} onSubmit={onSubmit} className={styles.form} noValidate aria-label={label}>
      {idValue !== undefined && <input type="hidden" name={idName} value={idValue} />}
      {children}
      <FormMessage state={state} success={success} />
      <div>
        <SubmitButton pending={pending} pendingLabel={pendingLabel} label={submitLabel} />
      </div>
    </form>
  );
}
