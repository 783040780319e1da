"use client";
import { useTranslations } from "next-intl";
import { createUser } from "@/lib/actions/admin-users";
import { LIMITS } from "@/lib/validations/admin";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import { useActionForm } from "@/components/forms/use-action-form";
import { RoleUnitFields, type UnitOption } from "./role-unit-fields";
import styles from "./admin.module.css";

export function UserCreateForm({ units }: { units: UnitOption[] }) {
  const t = useTranslations("admin.users");
  const tAdmin = useTranslations("admin");
  const { state, pending, formRef, onSubmit, errorsOf } = useActionForm(createUser, { resetOnSuccess: true });
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
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} pendingLabel={tAdmin("saving")} label={t("create")} />
      </div>
    </form>
  );
}
