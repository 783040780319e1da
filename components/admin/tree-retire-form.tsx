"use client";
import { useTranslations } from "next-intl";
import { restoreItem, retireItem } from "@/lib/actions/item-tree";
import { LIMITS } from "@/lib/validations/admin-limits";
import { TextAreaField } from "@/components/forms/fields";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import { ConfirmSubmit } from "@/components/forms/confirm-submit";
import { Fields } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import styles from "./admin.module.css";

/** Retire (after a confirmation step) or restore an item, always with a reason. */
export function TreeRetireForm({ item }: { item: { id: number; code: string; version: number; retired: boolean } }) {
  const t = useTranslations("admin.tree");
  const tAdmin = useTranslations("admin");
  const { state, pending, onSubmit, form } = useActionForm(item.retired ? restoreItem : retireItem, { ids: "retire" });
  return (
    <form onSubmit={onSubmit} className={styles.form} noValidate aria-label={item.retired ? t("restore") : t("retire")}>
      <input type="hidden" name="itemId" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <p className="small muted" style={{ margin: 0 }}>
        {item.retired ? t("restoreHint") : t("retireHint")}
      </p>
      <Fields form={form}>
        <TextAreaField name="reason" also={["itemId"]} label={t("reason")} max={LIMITS.reason} required rows={2} />
      </Fields>
      <FormMessage state={state} />
      {item.retired ? (
        <div>
          <SubmitButton pending={pending} pendingLabel={tAdmin("saving")} label={t("restore")} />
        </div>
      ) : (
        <ConfirmSubmit
          id="retire"
          form={form}
          pending={pending}
          messages="admin.tree.retireStep"
          values={{ code: item.code }}
        />
      )}
    </form>
  );
}
