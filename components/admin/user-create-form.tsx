"use client";
import { useTranslations } from "next-intl";
import { createUser } from "@/lib/actions/admin-users";
import { LIMITS } from "@/lib/validations/admin-limits";
import { TextField } from "@/components/forms/fields";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import { Fields } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { NewPasswordFields } from "./new-password-fields";
import { RoleUnitFields, type UnitOption } from "./role-unit-fields";
import styles from "./admin.module.css";

export function UserCreateForm({ units }: { units: UnitOption[] }) {
  const t = useTranslations("admin.users");
  const tAdmin = useTranslations("admin");
  const { state, pending, formRef, onSubmit, form } = useActionForm(createUser, {
    ids: "new-user",
    resetOnSuccess: true,
  });
  return (
    <form ref={formRef} onSubmit={onSubmit} className={styles.form} noValidate aria-label={t("create")}>
      <Fields form={form} values={{ role: "EDITOR" }}>
        <TextField
          name="loginName"
          label={t("loginName")}
          hint={t("loginNameHint")}
          max={LIMITS.loginName}
          autoComplete="off"
          required
        />
        <TextField name="displayName" label={t("displayName")} max={LIMITS.displayName} required />
        <RoleUnitFields units={units} />
        <NewPasswordFields label={t("password")} />
      </Fields>
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} pendingLabel={tAdmin("saving")} label={t("create")} />
      </div>
    </form>
  );
}
