"use client";
import { useTranslations } from "next-intl";
import { createUser } from "@/lib/actions/admin-users";
import { LIMITS } from "@/lib/validations/admin";
import { TextField } from "@/components/forms/fields";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import { useActionForm } from "@/components/forms/use-action-form";
import { NewPasswordFields } from "./new-password-fields";
import { RoleUnitFields, type UnitOption } from "./role-unit-fields";
import styles from "./admin.module.css";

export function UserCreateForm({ units }: { units: UnitOption[] }) {
  const t = useTranslations("admin.users");
  const tAdmin = useTranslations("admin");
  const { state, pending, formRef, onSubmit, errorsOf } = useActionForm(createUser, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className={styles.form} noValidate aria-label={t("create")}>
      <TextField
        id="new-user-login"
        label={t("loginName")}
        hint={t("loginNameHint")}
        errors={errorsOf("loginName")}
        max={LIMITS.loginName}
        name="loginName"
        autoComplete="off"
        required
        maxLength={LIMITS.loginName}
      />
      <TextField
        id="new-user-name"
        label={t("displayName")}
        errors={errorsOf("displayName")}
        max={LIMITS.displayName}
        name="displayName"
        required
        maxLength={LIMITS.displayName}
      />
      <RoleUnitFields idPrefix="new-user" units={units} errorsOf={errorsOf} />
      <NewPasswordFields idPrefix="new-user" label={t("password")} errorsOf={errorsOf} />
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} pendingLabel={tAdmin("saving")} label={t("create")} />
      </div>
    </form>
  );
}
