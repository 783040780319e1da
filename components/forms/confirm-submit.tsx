"use client";
import { Button, SubmitButton } from "./buttons";
import styles from "./forms.module.css";

/**
 * A submit that asks first, for a change that is hard to take back: `label` opens the step, which asks
 * `question` and offers the danger submit (focused, for keyboard users) and a way back. The form owns
 * `confirming`, so it can close the step when the action succeeds.
 */
export function ConfirmSubmit(props: {
  id: string;
  confirming: boolean;
  setConfirming: (confirming: boolean) => void;
  pending: boolean;
  pendingLabel: string;
  label: string;
  question: string;
  submitLabel: string;
  cancelLabel: string;
}) {
  if (!props.confirming)
    return (
      <div>
        <Button onClick={() => props.setConfirming(true)}>{props.label}</Button>
      </div>
    );
  return (
    <div className={styles.confirm} role="group" aria-labelledby={`${props.id}-q`}>
      <p id={`${props.id}-q`}>{props.question}</p>
      <div className={styles.confirmActions}>
        <SubmitButton
          pending={props.pending}
          pendingLabel={props.pendingLabel}
          label={props.submitLabel}
          variant="danger"
          autoFocus
        />
        <Button onClick={() => props.setConfirming(false)}>{props.cancelLabel}</Button>
      </div>
    </div>
  );
}
