"use client";
import { useTranslations } from "next-intl";
import { createUnit, updateUnit } from "@/lib/actions/admin-units";
import { Side, UnitKind } from "@/lib/generated/prisma/enums";
import { LIMITS } from "@/lib/validations/admin-limits";
import { SelectField, TextField } from "@/components/forms/fields";
import { AdminForm } from "./admin-form";
import { Options } from "@/components/forms/options";

export interface UnitValues {
  id: number;
  name: string;
  shortName: string | null;
  side: string;
  kind: string;
  /** 联络人: one of the unit's enabled accounts */
  contactUserId: number | null;
  accounts: { id: number; label: string }[];
}

/** Creates a unit, or edits `unit` when given. */
export function UnitForm({ unit }: { unit?: UnitValues }) {
  const t = useTranslations();
  return (
    <AdminForm
      action={unit ? updateUnit : createUnit}
      ids={unit ? `unit-${unit.id}` : "new-unit"}
      values={unit ?? { side: "", kind: "" }}
      resetOnSuccess={!unit}
      label={unit ? t("admin.units.editTitle", { name: unit.name }) : t("admin.units.create")}
      hidden={unit && { unitId: unit.id }}
      submitLabel={unit ? t("admin.save") : t("admin.units.create")}
    >
      <TextField name="name" label={t("admin.units.name")} max={LIMITS.unitName} required />
      <TextField
        name="shortName"
        label={`${t("admin.units.shortName")}${t("admin.optional")}`}
        max={LIMITS.shortName}
      />
      <SelectField name="side" label={t("admin.units.side")} required>
        <option value="" disabled>
          {t("admin.units.chooseSide")}
        </option>
        <Options items={Object.values(Side)} label={(s) => t(`side.${s}`)} />
      </SelectField>
      <SelectField name="kind" label={t("admin.units.kind")} required>
        <option value="" disabled>
          {t("admin.units.chooseKind")}
        </option>
        <Options items={Object.values(UnitKind)} label={(k) => t(`admin.unitKind.${k}`)} />
      </SelectField>
      {unit && (
        <SelectField name="contactUserId" label={t("admin.units.contact")} hint={t("admin.units.contactHint")}>
          <option value="">{t("admin.units.noContact")}</option>
          <Options items={unit.accounts} value={(a) => a.id} label={(a) => a.label} />
        </SelectField>
      )}
    </AdminForm>
  );
}
