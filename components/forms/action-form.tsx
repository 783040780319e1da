"use client";
import type { ReactNode } from "react";
import type { ActionFailure } from "@/lib/forms/result";
import { SubmitButton } from "./buttons";
import { Fields } from "./field";
import { FormMessage } from "./form-message";
import { HiddenInputs } from "./hidden-inputs";
import { useActionForm } from "./use-action-form";

export interface ActionFormProps<R extends { ok: true } | ActionFailure> {
  action: (prev: R | null, formData: FormData) => Promise<R>;
  ids: string;
  resetOnSuccess?: boolean;
  label: string;
  testId?: string;
  className?: string;
  fieldClass?: string;
  hidden?: Record<string, number> | ((answer: R | null) => Record<string, number>);
  values?: object;
  success?: string;
  submitLabel: string;
  pendingLabel?: string;
  children: ReactNode;
}

/**
 * A form around its fields: it sends `action` (useActionForm), is named by `label`, carries `hidden` inputs (the
 * id of what it changes; a function of the last answer where they follow it, e.g. an edit form that continues
 * from the version it saved), and shows the answer of the last submit and the submit button. `children` are its
 * fields, their ids starting with `ids`, their initial values from `values` (see Fields). AdminForm is this with
 * the admin pages' look.
 */
export function ActionForm<R extends { ok: true } | ActionFailure>({
  action,
  ids,
  resetOnSuccess,
  label,
  testId,
  className,
  fieldClass,
  hidden = {},
  values,
  success,
  submitLabel,
  pendingLabel,
  children,
}: ActionFormProps<R>) {
  const { formRef, onSubmit, state, pending, form } = useActionForm(action, { ids, resetOnSuccess });
  return (
    <form ref={formRef} onSubmit={onSubmit} className={className} noValidate aria-label={label} data-testid={testId}>
      <HiddenInputs values={typeof hidden === "function" ? hidden(state) : hidden} />
      <Fields form={form} fieldClass={fieldClass} values={values}>
        {children}
      </Fields>
      <FormMessage state={state} success={success} />
      <div>
        <SubmitButton pending={pending} pendingLabel={pendingLabel} label={submitLabel} />
      </div>
    </form>
  );
}
