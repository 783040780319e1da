"use client";
// One form's round trip to a server action. Submitting through a transition (rather than <form action>)
// keeps what was typed when the action refuses: React resets a form after an action passed to `action`.
import { useActionState, useEffect, useRef, startTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/forms/result";

type Action<T> = (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

export function useAdminForm<T = undefined>(
  action: Action<T>,
  options: { resetOnSuccess?: boolean; onSuccess?: (result: ActionResult<T>) => void } = {},
) {
  const [state, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  // Only a new result should run the success step, not a new callback identity: read the latest options
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
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  const errorsOf = (field: string) => (state && !state.ok ? (state.fieldErrors?.[field] ?? []) : []);
  return { state, pending, formRef, onSubmit, errorsOf };
}
