"use client";
import { useTranslations } from "next-intl";
import { Role } from "@/lib/generated/prisma/enums";
import { SelectField } from "@/components/forms/fields";
import { Options } from "@/components/forms/options";

const COORDINATOR_SCOPES = ["SICHUAN", "CHONGQING", "JOINT"] as const;

export interface UnitOption {
  id: number;
  name: string;
  side: string;
}

/** Role and unit selects, shared by the create, edit and approve forms (their initial values are the form's). */
export function RoleUnitFields(props: { units: UnitOption[] }) {
  const t = useTranslations();
  return (
    <>
      <SelectField name="role" label={t("admin.users.role")} required>
        <Options items={Object.values(Role)} label={(r) => t(`auth.role.${r}`)} />
      </SelectField>
      <SelectField name="unitId" label={t("admin.users.unit")}>
        <option value="">{t("admin.users.noUnit")}</option>
        <Options
          items={props.units}
          value={(u) => u.id}
          label={(u) => `${u.name}（${t(`side.${u.side}` as never)}）`}
        />
      </SelectField>
      <SelectField
        name="coordinatorScope"
        label={t("admin.users.coordinatorScope")}
        hint={t("admin.users.coordinatorScopeHint")}
      >
        <option value="">{t("admin.users.noScope")}</option>
        <Options items={COORDINATOR_SCOPES} label={(s) => t(`admin.users.scope.${s}`)} />
      </SelectField>
    </>
  );
}
