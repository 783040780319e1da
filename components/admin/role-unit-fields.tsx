"use client";
import { useTranslations } from "next-intl";
import { Role } from "@/lib/generated/prisma/enums";
import { Field } from "@/components/forms/field";
import { Options } from "@/components/forms/options";

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
            <Options items={Object.values(Role)} label={(r) => t(`auth.role.${r}`)} />
          </select>
        )}
      </Field>
      <Field id={`${props.idPrefix}-unit`} label={t("admin.users.unit")} errors={props.errorsOf("unitId")}>
        {(a11y) => (
          <select name="unitId" defaultValue={props.unitId ?? ""} {...a11y}>
            <option value="">{t("admin.users.noUnit")}</option>
            <Options
              items={props.units}
              value={(u) => u.id}
              label={(u) => `${u.name}（${t(`side.${u.side}` as never)}）`}
            />
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
            <Options items={COORDINATOR_SCOPES} label={(s) => t(`admin.users.scope.${s}`)} />
          </select>
        )}
      </Field>
    </>
  );
}
