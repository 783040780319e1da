"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInWithPassword, type SignInState } from "@/lib/actions/auth";
import styles from "./sign-in.module.css";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, {});
  const fieldError = (name: string) => state.fieldErrors?.[name]?.map((key) => t(key, { max: 64 })).join(" ");
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
      <label className={styles.field}>
        <span>{t("auth.loginName")}</span>
        <input
          name="loginName"
          autoComplete="username"
          required
          maxLength={64}
          defaultValue={state.loginName ?? ""}
          aria-invalid={Boolean(fieldError("loginName"))}
          aria-describedby="loginName-error"
          autoFocus
        />
        <span id="loginName-error" className={styles.fieldError}>
          {fieldError("loginName")}
        </span>
      </label>
      <label className={styles.field}>
        <span>{t("auth.password")}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={256}
          aria-invalid={Boolean(fieldError("password"))}
          aria-describedby="password-error"
        />
        <span id="password-error" className={styles.fieldError}>
          {fieldError("password")}
        </span>
      </label>
      <button type="submit" className={styles.submit} disabled={pending}>
        {pending ? t("auth.submitting") : t("auth.submit")}
      </button>
    </form>
  );
}
