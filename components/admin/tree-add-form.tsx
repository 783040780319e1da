"use client";
import { useTranslations } from "next-intl";
import { addItem } from "@/lib/actions/item-tree";
import { LIMITS } from "@/lib/validations/admin";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import { useActionForm } from "@/components/forms/use-action-form";
import styles from "./admin.module.css";

/** Adds a recommendation under a pillar or an action item under a recommendation (`parent` = "pillar:ID" | "item:ID"). */
export function TreeAddForm({ parent, heading }: { parent: string; heading: string }) {
  const t = useTranslations("admin.tree");
  const { state, pending, formRef, onSubmit, errorsOf } = useActionForm(addItem, { resetOnSuccess: true });
  const tAdmin = useTranslations("admin");
  return (
    <form ref={formRef} onSubmit={onSubmit} className={styles.form} noValidate aria-label={heading}>
      <input type="hidden" name="parent" value={parent} />
      <p className="small muted" style={{ margin: 0 }}>
        {t("codeHint")}
      </p>
      <Field
        id="add-title"
        label={t("itemTitle")}
        errors={[...errorsOf("title"), ...errorsOf("parent")]}
        max={LIMITS.title}
      >
        {(a11y) => <textarea name="title" required maxLength={LIMITS.title} rows={2} {...a11y} />}
      </Field>
      <Field
        id="add-title-en"
        label={`${t("itemTitleEn")}${tAdmin("optional")}`}
        errors={errorsOf("titleEn")}
        max={LIMITS.title}
      >
        {(a11y) => <input name="titleEn" maxLength={LIMITS.title} lang="en" {...a11y} />}
      </Field>
      <Field
        id="add-description"
        label={`${t("description")}${tAdmin("optional")}`}
        errors={errorsOf("description")}
        max={LIMITS.description}
      >
        {(a11y) => <textarea name="description" maxLength={LIMITS.description} rows={3} {...a11y} />}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} pendingLabel={tAdmin("saving")} label={t("add")} />
      </div>
    </form>
  );
}
