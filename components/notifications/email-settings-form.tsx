"use client";
import { useTranslations } from "next-intl";
import { updateEmailSettings } from "@/lib/actions/account";
import { EMAIL_DELIVERIES, type EmailDelivery } from "@/lib/validations/notification-limits";
import { EmailField } from "@/components/forms/fields";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import { Fields } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import styles from "./notifications.module.css";

const LABEL: Record<EmailDelivery, "deliveryEach" | "deliveryDigest" | "deliveryNone"> = {
  each: "deliveryEach",
  digest: "deliveryDigest",
  none: "deliveryNone",
};

/** My address, and a mail per notification, a daily digest, or none (unsubscribe). */
export function EmailSettingsForm({ email, delivery }: { email: string; delivery: EmailDelivery }) {
  const t = useTranslations("account");
  const { state, pending, onSubmit, form } = useActionForm(updateEmailSettings, { ids: "account" });
  return (
    <form onSubmit={onSubmit} className="stack" noValidate>
      <Fields form={form} values={{ email }}>
        <EmailField name="email" label={t("email")} hint={t("emailHint")} autoComplete="email" />
      </Fields>
      <fieldset className={styles.choices}>
        <legend>{t("delivery")}</legend>
        {EMAIL_DELIVERIES.map((d) => (
          <label key={d}>
            <input type="radio" name="delivery" value={d} defaultChecked={d === delivery} /> {t(LABEL[d])}
          </label>
        ))}
      </fieldset>
      <div>
        <SubmitButton pending={pending} label={t("save")} pendingLabel={t("saving")} />
      </div>
      <FormMessage state={state} />
    </form>
  );
}
