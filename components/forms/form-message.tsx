"use client";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionFailure } from "@/lib/forms/result";
import styles from "./forms.module.css";

/** Any action's answer as a form holds it (see FormState in lib/forms/result.ts). */
type Answer = { ok: true; message?: string; data?: unknown } | ActionFailure | null;

/** A success message may name the item it is about: data.code fills its {code}. */
function codeOf(data: unknown): string {
  return data && typeof data === "object" && "code" in data ? String(data.code) : "";
}

/**
 * The form-level answer of the last submit, announced politely: a refusal as an alert (its own message, or
 * the code's general one), a success as its message — `success` (already translated) or the action's
 * message key, else `successKey`. `omitFailure` when the form shows this failure itself (a conflict notice).
 * `children` are more of the answer (what an import applied).
 */
export function FormMessage({
  state,
  success,
  successKey,
  omitFailure,
  failureTestId,
  children,
}: {
  state: Answer;
  success?: string;
  successKey?: string;
  omitFailure?: boolean;
  failureTestId?: string;
  children?: ReactNode;
}) {
  const t = useTranslations();
  const key = state?.ok ? state.message || successKey : undefined;
  const successText = state?.ok
    ? (success ?? (key ? t(key as never, { code: codeOf(state.data) } as never) : null))
    : null;
  return (
    <div aria-live="polite" role="status" className={styles.message}>
      {state && !state.ok && !omitFailure && (
        <p className={styles.alert} role="alert" data-testid={failureTestId}>
          {t.has(state.message as never) ? t(state.message as never) : t(`actionErrors.${state.code}` as never)}
        </p>
      )}
      {successText && <p className={styles.success}>{successText}</p>}
      {children}
    </div>
  );
}
