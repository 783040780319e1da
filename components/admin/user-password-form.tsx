"use client";
import { useTranslations } from "next-intl";
import { resetPassword } from "@/lib/actions/admin-users";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import { useActionForm } from "@/components/forms/use-action-form";
import styles from "./admin.module.css";

export function UserPasswordForm({ user }: { user: { id: number; loginName: string } }) {
  const t = useTranslations("admin.users");
  const tAdmin = useTranslations("admin");
  const { state, pending, formRef, onSubmit, errorsOf } = useActionForm(resetPassword, { resetOnSuccess: true });
  const prefix = `password-${user.id}`;
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      className={styles.form}
      noValidate
      aria-label={t("resetPasswordTitle", { name: user.loginName })}
    >
      <input type="hidden" name="userId" value={user.id} />
      <Field id={`${prefix}-1`} label={t("newPassword")} hint={t("passwordHint")} errors={errorsOf("password")}>
        {(a11y) => <input name="password" type="password" autoComplete="new-password" required {...a11y} />}
      </Field>
      <Field id={`${prefix}-2`} label={t("passwordConfirm")} errors={errorsOf("passwordConfirm")}>
        {(a11y) => <input name="passwordConfirm" type="password" autoComplete="new-password" required {...a11y} />}
      </Field>
      <FormMessage state={state} success={t("resetDone")} />
      <div>
        <SubmitButton pending={pending} pendingLabel={tAdmin("saving")} label={t("resetPassword")} />
      </div>
    </form>
  );
}
