"use client";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/forms/fields";

const NEW_PASSWORD = { type: "password", autoComplete: "new-password", required: true } as const;

/** A new password and its confirmation, as creating an account and resetting a password ask for them. */
export function NewPasswordFields({ label }: { label: string }) {
  const t = useTranslations("admin.users");
  return (
    <>
      <TextField name="password" label={label} hint={t("passwordHint")} {...NEW_PASSWORD} />
      <TextField name="passwordConfirm" label={t("passwordConfirm")} {...NEW_PASSWORD} />
    </>
  );
}
