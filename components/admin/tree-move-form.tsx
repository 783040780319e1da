"use client";
import { useTranslations } from "next-intl";
import { moveItem } from "@/lib/actions/item-tree";
import { LIMITS } from "@/lib/validations/admin-limits";
import { SelectField, TextAreaField } from "@/components/forms/fields";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import { Fields } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import styles from "./admin.module.css";
import { Options } from "@/components/forms/options";

export interface MoveTarget {
  value: string;
  label: string;
}

export function TreeMoveForm({
  item,
  targets,
}: {
  item: { id: number; code: string; version: number };
  targets: MoveTarget[];
}) {
  const t = useTranslations("admin.tree");
  const tAdmin = useTranslations("admin");
  const { state, pending, onSubmit, form } = useActionForm(moveItem, { ids: "move" });
  return (
    <form onSubmit={onSubmit} className={styles.form} noValidate aria-label={t("move")}>
      <input type="hidden" name="itemId" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <Fields form={form}>
        <SelectField name="parent" label={t("moveTarget")} defaultValue="" required>
          <option value="" disabled>
            {t("chooseTarget")}
          </option>
          <Options items={targets} value={(o) => o.value} label={(o) => o.label} />
        </SelectField>
        <TextAreaField name="reason" label={`${t("reason")}${tAdmin("optional")}`} max={LIMITS.reason} rows={2} />
      </Fields>
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} pendingLabel={tAdmin("saving")} label={t("moveSubmit")} />
      </div>
    </form>
  );
}
