"use client";
import { useTranslations } from "next-intl";
import { updateUser } from "@/lib/actions/admin-users";
import { LIMITS } from "@/lib/validations/admin";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import { useActionForm } from "@/components/forms/use-action-form";
import { RoleUnitFields, type UnitOption } from "./role-unit-fields";
import styles from "./admin.module.css";

export function UserEditForm({
  user,
  units,
}: {
  user: { id: number; loginName: string; displayName: string; role: string; unitId: number | null };
  units: UnitOption[];
}) {
  const t = useTranslations("admin");
  const { state, pending, formRef, onSubmit, errorsOf } = useActionForm(updateUser);
  const prefix = `user-${user.id}`;
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      className={styles.form}
      noValidate
      aria-label={t("users.editTitle", { name: user.loginName })}
    >
      <input type="hidden" name="userId" value={user.id} />
      <Field
        id={`${prefix}-name`}
        label={t("users.displayName")}
        errors={errorsOf("displayName")}
        max={LIMITS.displayName}
      >
        {(a11y) => (
          <input name="displayName" defaultValue={user.displayName} required maxLength={LIMITS.displayName} {...a11y} />
        )}
      </Field>
      <RoleUnitFields idPrefix={prefix} units={units} errorsOf={errorsOf} role={user.role} unitId={user.unitId} />
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} pendingLabel={t("saving")} label={t("save")} />
      </div>
    </form>
  );
}
