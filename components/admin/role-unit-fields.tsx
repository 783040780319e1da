"use client";
import { useTranslations } from "next-intl";
import { Role } from "@/lib/generated/prisma/enums";
import { Field } from "@/components/forms/field";

const COORDINATOR_SCOPES = ["SICHUAN", "CHONGQING", "JOINT"] as const;

export interface UnitOption {
  id: number;
  name: string;
  side: string;
}

/** Role and unit selects, shared by the create, edit and approve forms. */
export function RoleUnitFields(props: {
  idPrefix: string;
  units: UnitOption[];
  errorsOf: (field: string) => string[];
  role?: string;
  unitId?: number | null;
  coordinatorScope?: string | null;
}) {
  const t = useTranslations();
  return (
    <>
      <Field id={`${props.idPrefix}-role`} label={t("admin.users.role")} errors={props.errorsOf("role")}>
        {(a11y) => (
          <select name="role" defaultValue={props.role ?? "EDITOR"} required {...a11y}>
            {Object.values(Role).map((r) => (
              <option key={r} value={r}>
                {t(`auth.role.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${props.idPrefix}-unit`} label={t("admin.users.unit")} errors={props.errorsOf("unitId")}>
        {(a11y) => (
          <select name="unitId" defaultValue={props.unitId ?? ""} {...a11y}>
            <option value="">{t("admin.users.noUnit")}</option>
            {props.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}（{t(`side.${u.side}` as never)}）
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={`${props.idPrefix}-scope`}
        label={t("admin.users.coordinatorScope")}
        hint={t("admin.users.coordinatorScopeHint")}
        errors={props.errorsOf("coordinatorScope")}
      >
        {(a11y) => (
          <select name="coordinatorScope" defaultValue={props.coordinatorScope ?? ""} {...a11y}>
            <option value="">{t("admin.users.noScope")}</option>
            {COORDINATOR_SCOPES.map((s) => (
              <option key={s} value={s}>
                {t(`admin.users.scope.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
