"use client";
import { useTranslations } from "next-intl";
import { resetPassword } from "@/lib/actions/admin-users";
import { NewPasswordFields } from "./new-password-fields";
import { AdminForm } from "./admin-form";

export function UserPasswordForm({ user }: { user: { id: number; loginName: string } }) {
  const t = useTranslations("admin.users");
  const tAdmin = useTranslations("admin");
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
      {(errorsOf) => <NewPasswordFields idPrefix={`user-${user.id}`} label={t("newPassword")} errorsOf={errorsOf} />}
    </AdminForm>
  );
}
