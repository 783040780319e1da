"use client";
import type { ReactNode } from "react";
import { FieldError } from "./field-error";
import styles from "./forms.module.css";

/** A labelled control with its hint and its errors; the control gets the ids that tie them together. */
export function Field(props: {
  id: string;
  label: string;
  errors: readonly string[] | undefined;
  max?: number;
  hint?: string;
  /** the error element's id, when it is not `${id}-error` */
  errorId?: string;
  /** the wrapper's class, for a form with a field layout of its own */
  className?: string;
  children: (a11y: { id: string; "aria-invalid": boolean; "aria-describedby": string }) => ReactNode;
}) {
  const errorId = props.errorId ?? `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  return (
    <div className={props.className ?? styles.field}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children({
        id: props.id,
        "aria-invalid": (props.errors?.length ?? 0) > 0,
        "aria-describedby": props.hint ? `${hintId} ${errorId}` : errorId,
      })}
      {props.hint && (
        <span id={hintId} className={styles.hint}>
          {props.hint}
        </span>
      )}
      <FieldError id={errorId} errors={props.errors} values={{ max: props.max ?? 0 }} />
    </div>
  );
}
