"use client";
import { useTranslations } from "next-intl";
import { approveUser } from "@/lib/actions/admin-users";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import { Fields } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { RoleUnitFields, type UnitOption } from "./role-unit-fields";
import styles from "./admin.module.css";

export function UserApproveForm({ user, units }: { user: { id: number; loginName: string }; units: UnitOption[] }) {
  const t = useTranslations("admin.users");
  const tAdmin = useTranslations("admin");
  const { state, pending, onSubmit, form } = useActionForm(approveUser, { ids: `approve-${user.id}` });
  return (
    <form
      onSubmit={onSubmit}
      className={styles.form}
      noValidate
      aria-label={t("approveTitle", { name: user.loginName })}
    >
      <input type="hidden" name="userId" value={user.id} />
      <Fields form={form} values={{ role: "VIEWER" }}>
        <RoleUnitFields units={units} />
      </Fields>
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} pendingLabel={tAdmin("saving")} label={t("approve")} />
      </div>
    </form>
  );
}
