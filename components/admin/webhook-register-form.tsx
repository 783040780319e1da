"use client";
// Register a webhook (administrators, /admin/webhooks): URL, secret (entered, or generated and shown once),
// events, and whether private addresses are allowed. Each refusal shows next to its field.
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/buttons";
import { Fields } from "@/components/forms/field";
import { FieldError } from "@/components/forms/field-error";
import { CheckboxField, TextField } from "@/components/forms/fields";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { registerWebhook } from "@/lib/actions/webhooks";
import { WEBHOOK_SECRET_MAX, WEBHOOK_URL_MAX } from "@/lib/validations/webhook-limits";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import adminStyles from "./admin.module.css";
import styles from "./webhooks.module.css";

export function WebhookRegisterForm() {
  const t = useTranslations("webhooks");
  const { formRef, onSubmit, state, pending, form } = useActionForm(registerWebhook, {
    ids: "webhook",
    resetOnSuccess: true,
  });
  const secret = state?.ok ? state.data.secret : null;
  const eventErrors = state && !state.ok ? state.fieldErrors?.events : undefined;
  return (
    <form ref={formRef} onSubmit={onSubmit} className={adminStyles.form} noValidate aria-label={t("registerHeading")}>
      <Fields form={form}>
        <TextField name="url" label={t("url")} hint={t("urlHint")} max={WEBHOOK_URL_MAX} inputMode="url" required />
        <TextField
          name="secret"
          label={t("secret")}
          hint={t("secretHint")}
          max={WEBHOOK_SECRET_MAX}
          autoComplete="off"
          spellCheck={false}
        />
        <fieldset className={styles.fieldset} aria-describedby="webhook-events-error">
          <legend>{t("events")}</legend>
          <div className={styles.checklist}>
            {WEBHOOK_EVENTS.map((event) => (
              <label key={event}>
                <input type="checkbox" name="events" value={event} aria-invalid={Boolean(eventErrors?.length)} />
                {t(`eventNames.${event}` as never)}
              </label>
            ))}
          </div>
          <FieldError id="webhook-events-error" errors={eventErrors} />
        </fieldset>
        <CheckboxField name="allowPrivate" label={t("allowPrivate")} hint={t("allowPrivateHint")} />
      </Fields>
      <FormMessage state={state} />
      {secret && (
        <div className={styles.secret} data-testid="webhook-secret">
          <strong>{t("secretOnce")}</strong>
          <code>{secret}</code>
        </div>
      )}
      <div>
        <SubmitButton pending={pending} pendingLabel={t("registering")} label={t("register")} />
      </div>
    </form>
  );
}
