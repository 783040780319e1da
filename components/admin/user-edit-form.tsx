"use client";
import { useTranslations } from "next-intl";
import { updateUser } from "@/lib/actions/admin-users";
import { LIMITS } from "@/lib/validations/admin-limits";
import { EmailField, TextField } from "@/components/forms/fields";
import { RoleUnitFields, type UnitOption } from "./role-unit-fields";
import { AdminForm } from "./admin-form";

export function UserEditForm({
  user,
  units,
}: {
  user: {
    id: number;
    loginName: string;
    displayName: string;
    role: string;
    unitId: number | null;
    coordinatorScope: string | null;
    email: string | null;
  };
  units: UnitOption[];
}) {
  const t = useTranslations("admin");
  return (
    <AdminForm
      action={updateUser}
      ids={`user-${user.id}`}
      values={user}
      label={t("users.editTitle", { name: user.loginName })}
      hidden={{ userId: user.id }}
      submitLabel={t("save")}
    >
      <TextField name="displayName" label={t("users.displayName")} max={LIMITS.displayName} required />
      <EmailField name="email" label={t("users.email")} hint={t("users.emailHint")} />
      <RoleUnitFields units={units} />
    </AdminForm>
  );
}
