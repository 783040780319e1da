"use client";
// The new-token form of /account/tokens: name, scope, expiry (at most a year). The token is shown once, here,
// right after it is made.
import { useTranslations } from "next-intl";
import { Fields } from "@/components/forms/field";
import { SelectField, TextField } from "@/components/forms/fields";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import { Options } from "@/components/forms/options";
import { useActionForm } from "@/components/forms/use-action-form";
import { createToken } from "@/lib/actions/api-tokens";
import { TOKEN_EXPIRY_DAYS, TOKEN_NAME_MAX, TOKEN_SCOPES } from "@/lib/validations/api-token-limits";

export function TokenCreateForm() {
  const t = useTranslations("api.tokens");
  const { formRef, onSubmit, state, pending, form } = useActionForm(createToken, {
    ids: "token",
    resetOnSuccess: true,
  });
  const made = state?.ok ? state.data : null;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="stack" noValidate aria-label={t("create")}>
      <Fields form={form} values={{ scope: "READ", expiresInDays: "90" }}>
        <TextField name="name" label={t("name")} hint={t("nameHint")} max={TOKEN_NAME_MAX} required />
        <SelectField name="scope" label={t("scope")}>
          <Options items={TOKEN_SCOPES} label={(s) => t(`scope${s}`)} />
        </SelectField>
        <SelectField name="expiresInDays" label={t("expires")}>
          <Options items={TOKEN_EXPIRY_DAYS} label={(d) => t("days", { days: d })} />
        </SelectField>
      </Fields>
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} pendingLabel={t("submit")} label={t("submit")} />
      </div>
      {made && (
        <div className="card" role="status" data-testid="new-token">
          <p>{t("created", { name: made.name })}</p>
          <label htmlFor="new-token-secret">{t("secretLabel")}</label>
          <input
            id="new-token-secret"
            readOnly
            value={made.token}
            size={60}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
    </form>
  );
}
