"use client";
// The buttons of one webhook and of one delivery (/admin/webhooks): pause or resume, send a test event, delete
// (asked first), redeliver. Each is a small form of its own; its answer shows beside it.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/buttons";
import { ConfirmSubmit } from "@/components/forms/confirm-submit";
import { FormMessage } from "@/components/forms/form-message";
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
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <SubmitButton pending={pending} label={label} variant={variant} aria-label={ariaLabel} />
      </div>
      <FormMessage state={state} />
    </form>
  );
}

function DeleteForm({ webhookId, url }: { webhookId: number; url: string }) {
  const t = useTranslations("webhooks");
  const [confirming, setConfirming] = useState(false);
  const { formRef, onSubmit, state, pending } = useActionForm(deleteWebhook, {
    onSuccess: () => setConfirming(false),
  });
  return (
    <form ref={formRef} onSubmit={onSubmit} className={adminStyles.form} aria-label={`${t("delete")} ${url}`}>
      <input type="hidden" name="webhookId" value={webhookId} />
      <ConfirmSubmit
        id={`webhook-${webhookId}-delete`}
        confirming={confirming}
        setConfirming={setConfirming}
        pending={pending}
        pendingLabel={t("deleteConfirm")}
        label={t("delete")}
        question={t("deleteQuestion")}
        submitLabel={t("deleteConfirm")}
        cancelLabel={t("cancel")}
      />
      <FormMessage state={state} />
    </form>
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
