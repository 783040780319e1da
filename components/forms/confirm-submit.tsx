"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button, SubmitButton } from "./buttons";
import type { FormScope } from "./field";
import styles from "./forms.module.css";

/**
 * A submit that asks first, for a change that is hard to take back: the first button opens the step, which
 * asks the question and offers the danger submit (focused, for keyboard users) and a way back. The step
 * closes when the form's action succeeds. Its texts are one message group, `messages`, with the keys
 * open, pending, question, submit and cancel (`values` fill the question's placeholders).
 */
export function ConfirmSubmit({
  id,
  form,
  pending,
  messages,
  values,
}: {
  id: string;
  form: FormScope;
  pending: boolean;
  messages: string;
  values?: Record<string, string | number>;
}) {
  const t = useTranslations(messages);
  const [confirming, setConfirming] = useState(false);
  // A new successful answer closes the step (React's "adjust state when a prop changes", not an effect).
  const [answer, setAnswer] = useState(form.state);
  if (form.state !== answer) {
    setAnswer(form.state);
    if (succeeded(form.state)) setConfirming(false);
  }
  if (!confirming)
    return (
      <div>
        <Button onClick={() => setConfirming(true)}>{t("open")}</Button>
      </div>
    );
  return (
    <div className={styles.confirm} role="group" aria-labelledby={`${id}-q`}>
      <p id={`${id}-q`}>{t("question", values)}</p>
      <div className={styles.confirmActions}>
        <SubmitButton pending={pending} pendingLabel={t("pending")} label={t("submit")} variant="danger" autoFocus />
        <Button onClick={() => setConfirming(false)}>{t("cancel")}</Button>
      </div>
    </div>
  );
}

function succeeded(answer: object | null | undefined): boolean {
  return !!answer && "ok" in answer && answer.ok === true;
}
