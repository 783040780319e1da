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

/** Role and unit selects, shared by the create, edit and approve forms. */
export function RoleUnitFields(props: {
  units: UnitOption[];
  role?: string;
  unitId?: number | null;
  coordinatorScope?: string | null;
}) {
  const t = useTranslations();
  return (
    <>
      <SelectField name="role" label={t("admin.users.role")} defaultValue={props.role ?? "EDITOR"} required>
        <Options items={Object.values(Role)} label={(r) => t(`auth.role.${r}`)} />
      </SelectField>
      <SelectField name="unitId" label={t("admin.users.unit")} defaultValue={props.unitId ?? ""}>
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
        defaultValue={props.coordinatorScope ?? ""}
      >
        <option value="">{t("admin.users.noScope")}</option>
        <Options items={COORDINATOR_SCOPES} label={(s) => t(`admin.users.scope.${s}`)} />
      </SelectField>
    </>
  );
}
