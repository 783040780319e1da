"use client";
import { useTranslations } from "next-intl";
import { approveUser } from "@/lib/actions/admin-users";
import { FormStatus, SubmitButton } from "./form-bits";
import { RoleUnitFields, type UnitOption } from "./role-unit-fields";
import { useAdminForm } from "./use-admin-form";
import styles from "./admin.module.css";

export function UserApproveForm({ user, units }: { user: { id: number; loginName: string }; units: UnitOption[] }) {
  const t = useTranslations("admin.users");
  const { state, pending, onSubmit, errorsOf } = useAdminForm(approveUser);
  return (
    <form
      onSubmit={onSubmit}
      className={styles.form}
      noValidate
      aria-label={t("approveTitle", { name: user.loginName })}
    >
      <input type="hidden" name="userId" value={user.id} />
      <RoleUnitFields idPrefix={`approve-${user.id}`} units={units} errorsOf={errorsOf} role="VIEWER" />
      <FormStatus state={state} />
      <div>
        <SubmitButton pending={pending} label={t("approve")} />
      </div>
    </form>
  );
}
