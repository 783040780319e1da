"use client";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/forms/fields";

const NEW_PASSWORD = { type: "password", autoComplete: "new-password", required: true } as const;

/** A new password and its confirmation, as creating an account and resetting a password ask for them. */
export function NewPasswordFields({
  idPrefix,
  label,
  errorsOf,
}: {
  idPrefix: string;
  label: string;
  errorsOf: (field: string) => string[];
}) {
  const t = useTranslations("admin.users");
  return (
    <>
      <TextField
        id={`${idPrefix}-password`}
        label={label}
        hint={t("passwordHint")}
        errors={errorsOf("password")}
        name="password"
        {...NEW_PASSWORD}
      />
      <TextField
        id={`${idPrefix}-password2`}
        label={t("passwordConfirm")}
        errors={errorsOf("passwordConfirm")}
        name="passwordConfirm"
        {...NEW_PASSWORD}
      />
    </>
  );
}
