"use client";
// The buttons of one webhook and of one delivery (/admin/webhooks): pause or resume, send a test event, delete
// (asked first: ConfirmForm), redeliver. Each is a small form of its own; its answer shows beside it.
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/buttons";
import { ConfirmForm } from "@/components/forms/confirm-form";
import { FormMessage } from "@/components/forms/form-message";
import { HiddenInputs } from "@/components/forms/hidden-inputs";
import { useActionForm } from "@/components/forms/use-action-form";
import { deleteWebhook, redeliverWebhook, sendTestWebhook, setWebhookActive } from "@/lib/actions/webhooks";
import type { ActionResult } from "@/lib/forms/result";
import adminStyles from "./admin.module.css";
import styles from "./webhooks.module.css";

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

function ButtonForm({
  action,
  hidden,
  label,
  ariaLabel,
  variant = "secondary",
}: {
  action: Action;
  hidden: Record<string, string | number>;
  label: string;
  ariaLabel: string;
  variant?: "primary" | "secondary";
}) {
  const { formRef, onSubmit, state, pending } = useActionForm(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} className={adminStyles.form}>
      <HiddenInputs values={hidden} />
      <div>
        <SubmitButton pending={pending} label={label} variant={variant} aria-label={ariaLabel} />
      </div>
      <FormMessage state={state} />
    </form>
  );
}

function DeleteForm({ webhookId, url }: { webhookId: number; url: string }) {
  const t = useTranslations("webhooks");
  return (
    <ConfirmForm
      action={deleteWebhook}
      id={`webhook-${webhookId}-delete`}
      label={`${t("delete")} ${url}`}
      hidden={{ webhookId }}
      messages="webhooks.deleteStep"
      className={adminStyles.form}
    />
  );
}

export function WebhookActions({ webhookId, url, active }: { webhookId: number; url: string; active: boolean }) {
  const t = useTranslations("webhooks");
  return (
    <div className={styles.actions}>
      <ButtonForm
        action={setWebhookActive}
        hidden={{ webhookId, active: active ? "false" : "true" }}
        label={active ? t("pause") : t("resume")}
        ariaLabel={`${active ? t("pause") : t("resume")} ${url}`}
      />
      {active && (
        <ButtonForm
          action={sendTestWebhook}
          hidden={{ webhookId }}
          label={t("test")}
          ariaLabel={`${t("test")} ${url}`}
        />
      )}
      <DeleteForm webhookId={webhookId} url={url} />
    </div>
  );
}

export function RedeliverButton({ deliveryId }: { deliveryId: number }) {
  const t = useTranslations("webhooks");
  return (
    <ButtonForm
      action={redeliverWebhook}
      hidden={{ deliveryId }}
      label={t("redeliver")}
      ariaLabel={`${t("redeliver")} #${deliveryId}`}
    />
  );
}
