"use client";
import { useTranslations } from "next-intl";
import { createUnit, updateUnit } from "@/lib/actions/admin-units";
import { Side, UnitKind } from "@/lib/generated/prisma/enums";
import { LIMITS } from "@/lib/validations/admin";
import { Field } from "@/components/forms/field";
import { TextField } from "@/components/forms/fields";
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
  const prefix = unit ? `unit-${unit.id}` : "new-unit";
  return (
    <AdminForm
      action={unit ? updateUnit : createUnit}
      resetOnSuccess={!unit}
      label={unit ? t("admin.units.editTitle", { name: unit.name }) : t("admin.units.create")}
      idName="unitId"
      idValue={unit?.id}
      submitLabel={unit ? t("admin.save") : t("admin.units.create")}
      pendingLabel={t("admin.saving")}
    >
      {(errorsOf) => (
        <>
          <TextField
            id={`${prefix}-name`}
            label={t("admin.units.name")}
            errors={errorsOf("name")}
            max={LIMITS.unitName}
            name="name"
            defaultValue={unit?.name}
            required
            maxLength={LIMITS.unitName}
          />
          <TextField
            id={`${prefix}-short`}
            label={`${t("admin.units.shortName")}${t("admin.optional")}`}
            errors={errorsOf("shortName")}
            max={LIMITS.shortName}
            name="shortName"
            defaultValue={unit?.shortName ?? ""}
            maxLength={LIMITS.shortName}
          />
          <Field id={`${prefix}-side`} label={t("admin.units.side")} errors={errorsOf("side")}>
            {(a11y) => (
              <select name="side" defaultValue={unit?.side ?? ""} required {...a11y}>
                <option value="" disabled>
                  {t("admin.units.chooseSide")}
                </option>
                <Options items={Object.values(Side)} label={(s) => t(`side.${s}`)} />
              </select>
            )}
          </Field>
          <Field id={`${prefix}-kind`} label={t("admin.units.kind")} errors={errorsOf("kind")}>
            {(a11y) => (
              <select name="kind" defaultValue={unit?.kind ?? ""} required {...a11y}>
                <option value="" disabled>
                  {t("admin.units.chooseKind")}
                </option>
                <Options items={Object.values(UnitKind)} label={(k) => t(`admin.unitKind.${k}`)} />
              </select>
            )}
          </Field>
          {unit && (
            <Field
              id={`${prefix}-contact`}
              label={t("admin.units.contact")}
              hint={t("admin.units.contactHint")}
              errors={errorsOf("contactUserId")}
            >
              {(a11y) => (
                <select name="contactUserId" defaultValue={unit.contactUserId ?? ""} {...a11y}>
                  <option value="">{t("admin.units.noContact")}</option>
                  <Options items={unit.accounts} value={(a) => a.id} label={(a) => a.label} />
                </select>
              )}
            </Field>
          )}
        </>
      )}
    </AdminForm>
  );
}
