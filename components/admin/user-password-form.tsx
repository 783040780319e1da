"use client";
import { useTranslations } from "next-intl";
import { resetPassword } from "@/lib/actions/admin-users";
import { NewPasswordFields } from "./new-password-fields";
import { AdminForm } from "./admin-form";

export function UserPasswordForm({ user }: { user: { id: number; loginName: string } }) {
  const t = useTranslations("admin.users");
  return (
    <AdminForm
      action={resetPassword}
      ids={`user-${user.id}`}
      resetOnSuccess
      label={t("resetPasswordTitle", { name: user.loginName })}
      hidden={{ userId: user.id }}
      success={t("resetDone")}
      submitLabel={t("resetPassword")}
    >
      <NewPasswordFields label={t("newPassword")} />
    </AdminForm>
  );
}
