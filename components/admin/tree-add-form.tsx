"use client";
import { useTranslations } from "next-intl";
import { addItem } from "@/lib/actions/item-tree";
import { LIMITS } from "@/lib/validations/admin-limits";
import { TextAreaField, TextField } from "@/components/forms/fields";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import { Fields } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import styles from "./admin.module.css";

/** Adds a recommendation under a pillar or an action item under a recommendation (`parent` = "pillar:ID" | "item:ID"). */
export function TreeAddForm({ parent, heading }: { parent: string; heading: string }) {
  const t = useTranslations("admin.tree");
  const { state, pending, formRef, onSubmit, form } = useActionForm(addItem, { ids: "add", resetOnSuccess: true });
  const tAdmin = useTranslations("admin");
  return (
    <form ref={formRef} onSubmit={onSubmit} className={styles.form} noValidate aria-label={heading}>
      <input type="hidden" name="parent" value={parent} />
      <p className="small muted" style={{ margin: 0 }}>
        {t("codeHint")}
      </p>
      <Fields form={form}>
        <TextAreaField name="title" also={["parent"]} label={t("itemTitle")} max={LIMITS.title} required rows={2} />
        <TextField name="titleEn" label={`${t("itemTitleEn")}${tAdmin("optional")}`} max={LIMITS.title} lang="en" />
        <TextAreaField
          name="description"
          label={`${t("description")}${tAdmin("optional")}`}
          max={LIMITS.description}
          rows={3}
        />
      </Fields>
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} pendingLabel={tAdmin("saving")} label={t("add")} />
      </div>
    </form>
  );
}
