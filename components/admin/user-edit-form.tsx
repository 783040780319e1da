"use client";
import { useTranslations } from "next-intl";
import { updateUser } from "@/lib/actions/admin-users";
import { LIMITS } from "@/lib/validations/admin";
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
  const prefix = `user-${user.id}`;
  return (
    <AdminForm
      action={updateUser}
      label={t("users.editTitle", { name: user.loginName })}
      idName="userId"
      idValue={user.id}
      submitLabel={t("save")}
      pendingLabel={t("saving")}
    >
      {(errorsOf) => (
        <>
          <TextField
            id={`${prefix}-name`}
            label={t("users.displayName")}
            errors={errorsOf("displayName")}
            max={LIMITS.displayName}
            name="displayName"
            defaultValue={user.displayName}
            required
            maxLength={LIMITS.displayName}
          />
          <EmailField
            id={`${prefix}-email`}
            label={t("users.email")}
            hint={t("users.emailHint")}
            errors={errorsOf("email")}
            defaultValue={user.email ?? ""}
          />
          <RoleUnitFields
            idPrefix={prefix}
            units={units}
            errorsOf={errorsOf}
            role={user.role}
            unitId={user.unitId}
            coordinatorScope={user.coordinatorScope}
          />
        </>
      )}
    </AdminForm>
  );
}
