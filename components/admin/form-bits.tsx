"use client";
// Small pieces every administration form shares: a field with its label and error slot, and the form's status.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/forms/result";
import styles from "./admin.module.css";

/** A labelled control with its hint and its errors, announced politely when they change. */
export function Field(props: {
  id: string;
  label: string;
  errors: string[];
  max?: number;
  hint?: string;
  children: (a11y: { id: string; "aria-invalid": boolean; "aria-describedby": string }) => ReactNode;
}) {
  const t = useTranslations();
  const errorId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  return (
    <div className={styles.field}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children({
        id: props.id,
        "aria-invalid": props.errors.length > 0,
        "aria-describedby": props.hint ? `${hintId} ${errorId}` : errorId,
      })}
      {props.hint && (
        <span id={hintId} className={styles.hint}>
          {props.hint}
        </span>
      )}
      <span id={errorId} className={styles.fieldError} aria-live="polite">
        {props.errors.map((key) => t(key, { max: props.max ?? 0 })).join(" ")}
      </span>
    </div>
  );
}

/** The outcome of the last submit: success politely, refusal as an alert. */
export function FormStatus({
  state,
  success,
}: {
  state: ActionResult<{ code: string } | undefined> | null;
  success?: string;
}) {
  const t = useTranslations();
  return (
    <div aria-live="polite" className={styles.statusSlot}>
      {state && !state.ok && (
        <p role="alert" className={styles.alert}>
          {t(state.message)}
        </p>
      )}
      {state?.ok && (
        <p className={styles.success}>
          {success ?? t(state.message ?? "admin.saved", { code: state.data?.code ?? "" })}
        </p>
      )}
    </div>
  );
}

/** `autoFocus` for the second step of a confirmation, so keyboard users land on it. */
export function SubmitButton({
  pending,
  label,
  danger,
  autoFocus,
}: {
  pending: boolean;
  label: string;
  danger?: boolean;
  autoFocus?: boolean;
}) {
  const t = useTranslations("admin");
  return (
    <button
      type="submit"
      className={danger ? styles.danger : styles.primary}
      disabled={pending}
      aria-disabled={pending}
      autoFocus={autoFocus}
    >
      {pending ? t("saving") : label}
    </button>
  );
}
