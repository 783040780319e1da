"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/forms/fields";
import { signInWithPassword, type SignInState } from "@/lib/actions/auth";
import styles from "./sign-in.module.css";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, {});
  /** A required field of at most `max` characters, labelled and named by its key. */
  const field = (name: "loginName" | "password", max: number) => ({
    className: styles.field,
    id: name,
    label: t(`auth.${name}`),
    errors: state.fieldErrors?.[name],
    max,
    name,
    required: true,
    maxLength: max,
  });
  return (
    <form action={action} className={styles.form} noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div aria-live="polite" className={styles.alertSlot}>
        {state.error && (
          <p role="alert" className={styles.alert}>
            {state.error === "throttled" ? t("auth.throttled", { minutes: state.minutes ?? 15 }) : t("auth.invalid")}
          </p>
        )}
      </div>
      <TextField {...field("loginName", 64)} autoComplete="username" defaultValue={state.loginName ?? ""} autoFocus />
      <TextField {...field("password", 256)} type="password" autoComplete="current-password" />
      <button type="submit" className={styles.submit} disabled={pending}>
        {pending ? t("auth.submitting") : t("auth.submit")}
      </button>
    </form>
  );
}
