"use client";
// The notification centre's buttons: open one (marks it read and goes to its page), mark one read, mark all.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { markAllNotificationsRead, markNotificationRead, openNotification } from "@/lib/actions/notifications";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import { useActionForm } from "@/components/forms/use-action-form";
import styles from "./notifications.module.css";

/** The notification's title as a button: opening it marks it read. */
export function OpenNotification({ id, title }: { id: number; title: string }) {
  const router = useRouter();
  const { state, pending, onSubmit } = useActionForm(openNotification, {
    onSuccess: (result) => {
      if (result.ok) router.push(result.data.link);
    },
  });
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="notificationId" value={id} />
      <button type="submit" className={styles.title} disabled={pending} data-testid="notification-open">
        {title}
      </button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}

export function MarkRead({ id, label }: { id: number; label: string }) {
  const t = useTranslations("notifications");
  const { state, pending, onSubmit } = useActionForm(markNotificationRead);
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="notificationId" value={id} />
      <SubmitButton
        pending={pending}
        label={t("markRead")}
        variant="secondary"
        aria-label={`${t("markRead")}：${label}`}
      />
      <FormMessage state={state} />
    </form>
  );
}

export function MarkAllRead({ upTo }: { upTo: number }) {
  const t = useTranslations("notifications");
  const { state, pending, onSubmit } = useActionForm(markAllNotificationsRead);
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="upTo" value={upTo} />
      <SubmitButton pending={pending} label={t("markAllRead")} variant="secondary" />
      <FormMessage state={state} />
    </form>
  );
}
