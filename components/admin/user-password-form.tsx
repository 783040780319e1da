"use client";
import { useTranslations } from "next-intl";
import { resetPassword } from "@/lib/actions/admin-users";
import { Field } from "@/components/forms/field";
import { AdminForm } from "./admin-form";

export function UserPasswordForm({ user }: { user: { id: number; loginName: string } }) {
  const t = useTranslations("admin.users");
  const tAdmin = useTranslations("admin");
  const prefix = `password-${user.id}`;
  return (
    <AdminForm
      action={resetPassword}
      resetOnSuccess
      label={t("resetPasswordTitle", { name: user.loginName })}
      idName="userId"
      idValue={user.id}
      success={t("resetDone")}
      submitLabel={t("resetPassword")}
      pendingLabel={tAdmin("saving")}
    >
      {(errorsOf) => (
        <>
          <Field id={`${prefix}-1`} label={t("newPassword")} hint={t("passwordHint")} errors={errorsOf("password")}>
            {(a11y) => <input name="password" type="password" autoComplete="new-password" required {...a11y} />}
          </Field>
          <Field id={`${prefix}-2`} label={t("passwordConfirm")} errors={errorsOf("passwordConfirm")}>
            {(a11y) => <input name="passwordConfirm" type="password" autoComplete="new-password" required {...a11y} />}
          </Field>
        </>
      )}
    </AdminForm>
  );
}
