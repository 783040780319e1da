"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Fields } from "@/components/forms/field";
import { TextField } from "@/components/forms/fields";
import { signInWithPassword, type SignInState } from "@/lib/actions/auth";
import styles from "./sign-in.module.css";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, {});
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
      {/* no id prefix: the one form of its page, its fields' ids are their names */}
      <Fields form={{ ids: "", state }} fieldClass={styles.field}>
        <TextField
          name="loginName"
          label={t("auth.loginName")}
          max={64}
          required
          autoComplete="username"
          defaultValue={state.loginName ?? ""}
          autoFocus
        />
        <TextField
          name="password"
          label={t("auth.password")}
          max={256}
          required
          type="password"
          autoComplete="current-password"
        />
      </Fields>
      <button type="submit" className={styles.submit} disabled={pending}>
        {pending ? t("auth.submitting") : t("auth.submit")}
      </button>
    </form>
  );
}
