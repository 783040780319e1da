"use client";
// One form's round trip to a server action, and the answer it holds (null before the first submit).
import { useActionState, useEffect, useRef, startTransition, type FormEvent } from "react";
import type { ActionFailure } from "@/lib/forms/result";
import type { FormScope } from "./field";

type Answer = { ok: true } | ActionFailure;

/**
 * `onSubmit` (or `submit(formData)`) sends the form through a transition, which keeps what was typed in
 * uncontrolled fields when the action refuses; `action` is for `<form action>`, where React resets those
 * fields after every submit (fine when the form keeps its values in state). `failed` is the last answer when
 * it was a refusal; `form` is what the form's fields take (their ids start with `ids`, see FormScope).
 */
export function useActionForm<R extends Answer>(
  action: (prev: R | null, formData: FormData) => Promise<R>,
  options: { ids?: string; resetOnSuccess?: boolean; onSuccess?: (result: R) => void } = {},
) {
  const [state, dispatch, pending] = useActionState<R | null, FormData>(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  // Only a new answer should run the success step, not a new callback identity: read the latest options
  // through a ref instead of listing them as dependencies.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(() => {
    if (!state?.ok) return;
    if (latest.current.resetOnSuccess) formRef.current?.reset();
    latest.current.onSuccess?.(state);
  }, [state]);
  const submit = (formData: FormData) => startTransition(() => dispatch(formData));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit(new FormData(event.currentTarget));
  };
  const failed = state && !state.ok ? (state as Extract<R, ActionFailure>) : undefined;
  const form: FormScope = { ids: options.ids ?? "", state };
  return { state, pending, action: dispatch, submit, onSubmit, formRef, failed, form };
}
