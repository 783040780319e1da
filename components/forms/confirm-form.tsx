"use client";
import type { ReactNode } from "react";
import type { ActionFailure } from "@/lib/forms/result";
import { ConfirmSubmit } from "./confirm-submit";
import { FormMessage } from "./form-message";
import { HiddenInputs } from "./hidden-inputs";
import { useActionForm } from "./use-action-form";

/**
 * A form that is only a confirmed step (remove, close): it sends `hidden` to `action` once the person has
 * answered ConfirmSubmit's question (texts from the message group `messages`), and shows the answer.
 * `children` come before the step (a hint).
 */
export function ConfirmForm<R extends { ok: true } | ActionFailure>({
  action,
  id,
  label,
  hidden,
  messages,
  values,
  className,
  children,
}: {
  action: (prev: R | null, formData: FormData) => Promise<R>;
  id: string;
  label: string;
  hidden: Record<string, string | number>;
  messages: string;
  values?: Record<string, string | number>;
  className?: string;
  children?: ReactNode;
}) {
  const { state, pending, onSubmit, form } = useActionForm(action);
  return (
    <form onSubmit={onSubmit} aria-label={label} className={className}>
      <HiddenInputs values={hidden} />
      {children}
      <ConfirmSubmit id={id} form={form} pending={pending} messages={messages} values={values} />
      <FormMessage state={state} />
    </form>
  );
}
