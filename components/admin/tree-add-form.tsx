"use client";
import { useTranslations } from "next-intl";
import { addItem } from "@/lib/actions/item-tree";
import { LIMITS } from "@/lib/validations/admin";
import { TextAreaField, TextField } from "@/components/forms/fields";
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
      <TextAreaField
        id="add-title"
        label={t("itemTitle")}
        errors={[...errorsOf("title"), ...errorsOf("parent")]}
        max={LIMITS.title}
        name="title"
        required
        maxLength={LIMITS.title}
        rows={2}
      />
      <TextField
        id="add-title-en"
        label={`${t("itemTitleEn")}${tAdmin("optional")}`}
        errors={errorsOf("titleEn")}
        max={LIMITS.title}
        name="titleEn"
        maxLength={LIMITS.title}
        lang="en"
      />
      <TextAreaField
        id="add-description"
        label={`${t("description")}${tAdmin("optional")}`}
        errors={errorsOf("description")}
        max={LIMITS.description}
        name="description"
        maxLength={LIMITS.description}
        rows={3}
      />
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} pendingLabel={tAdmin("saving")} label={t("add")} />
      </div>
    </form>
  );
}
