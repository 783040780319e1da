"use client";
import { useTranslations } from "next-intl";
import { createUser } from "@/lib/actions/admin-users";
import { LIMITS } from "@/lib/validations/admin";
import { Field, FormStatus, SubmitButton } from "./form-bits";
import { RoleUnitFields, type UnitOption } from "./role-unit-fields";
import { useAdminForm } from "./use-admin-form";
import styles from "./admin.module.css";

export function UserCreateForm({ units }: { units: UnitOption[] }) {
  const t = useTranslations("admin.users");
  const { state, pending, formRef, onSubmit, errorsOf } = useAdminForm(createUser, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className={styles.form} noValidate aria-label={t("create")}>
      <Field
        id="new-user-login"
        label={t("loginName")}
        hint={t("loginNameHint")}
        errors={errorsOf("loginName")}
        max={LIMITS.loginName}
      >
        {(a11y) => <input name="loginName" autoComplete="off" required maxLength={LIMITS.loginName} {...a11y} />}
      </Field>
      <Field id="new-user-name" label={t("displayName")} errors={errorsOf("displayName")} max={LIMITS.displayName}>
        {(a11y) => <input name="displayName" required maxLength={LIMITS.displayName} {...a11y} />}
      </Field>
      <RoleUnitFields idPrefix="new-user" units={units} errorsOf={errorsOf} />
      <Field id="new-user-password" label={t("password")} hint={t("passwordHint")} errors={errorsOf("password")}>
        {(a11y) => <input name="password" type="password" autoComplete="new-password" required {...a11y} />}
      </Field>
      <Field id="new-user-password2" label={t("passwordConfirm")} errors={errorsOf("passwordConfirm")}>
        {(a11y) => <input name="passwordConfirm" type="password" autoComplete="new-password" required {...a11y} />}
      </Field>
      <FormStatus state={state} />
      <div>
        <SubmitButton pending={pending} label={t("create")} />
      </div>
    </form>
  );
}
