"use client";
import { useTranslations } from "next-intl";
import { moveItem } from "@/lib/actions/item-tree";
import { LIMITS } from "@/lib/validations/admin";
import { Field } from "@/components/forms/field";
import { TextAreaField } from "@/components/forms/fields";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
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
  const { state, pending, onSubmit, errorsOf } = useActionForm(moveItem);
  return (
    <form onSubmit={onSubmit} className={styles.form} noValidate aria-label={t("move")}>
      <input type="hidden" name="itemId" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <Field id="move-target" label={t("moveTarget")} errors={errorsOf("parent")}>
        {(a11y) => (
          <select name="parent" defaultValue="" required {...a11y}>
            <option value="" disabled>
              {t("chooseTarget")}
            </option>
            <Options items={targets} value={(o) => o.value} label={(o) => o.label} />
          </select>
        )}
      </Field>
      <TextAreaField
        id="move-reason"
        label={`${t("reason")}${tAdmin("optional")}`}
        errors={errorsOf("reason")}
        max={LIMITS.reason}
        name="reason"
        maxLength={LIMITS.reason}
        rows={2}
      />
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} pendingLabel={tAdmin("saving")} label={t("moveSubmit")} />
      </div>
    </form>
  );
}
