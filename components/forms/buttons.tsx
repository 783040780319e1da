"use client";
import type { ButtonHTMLAttributes } from "react";
import styles from "./forms.module.css";

type Variant = "primary" | "secondary" | "danger";

/**
 * A form's submit button: disabled while the action runs, saying so with `pendingLabel`. `autoFocus` for the
 * second step of a confirmation, so keyboard users land on it.
 */
export function SubmitButton({
  pending,
  label,
  pendingLabel,
  variant = "primary",
  disabled,
  ...rest
}: {
  pending: boolean;
  label: string;
  pendingLabel?: string;
  variant?: Variant;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "className" | "children">) {
  const off = pending || Boolean(disabled);
  return (
    <button type="submit" className={styles[variant]} disabled={off} aria-disabled={off} {...rest}>
      {pending && pendingLabel ? pendingLabel : label}
    </button>
  );
}

/** Any other button of a form (cancel, the first step of a confirmation), in the same look. */
export function Button({
  variant = "secondary",
  ...rest
}: { variant?: Variant } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "className">) {
  return <button type="button" className={styles[variant]} {...rest} />;
}
