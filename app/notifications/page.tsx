import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { MarkAllRead } from "@/components/notifications/notification-forms";
import { NotificationList } from "@/components/notifications/notification-list";
import styles from "@/components/notifications/notifications.module.css";
import { listMyNotifications } from "@/lib/data/notifications";
import { parsePage } from "@/lib/validations/notifications";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 我的通知: the signed-in person's notifications, latest first, paged. */
export default async function NotificationsPage({ searchParams }: Props) {
  const page = parsePage((await searchParams).page);
  const [data, t] = await Promise.all([listMyNotifications(page), getTranslations("notifications")]);
  return (
    <section className="stack">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <div className={styles.toolbar}>
        <span data-testid="notification-unread">{t("unreadCount", { count: data.unread })}</span>
        {data.unread > 0 && data.latestId !== null && <MarkAllRead upTo={data.latestId} />}
        <Link href="/account/notifications">{t("settings")}</Link>
      </div>
      {data.total === 0 ? (
        <p className="card" data-testid="notifications-empty">
          {t("empty")}
        </p>
      ) : (
        <>
          <NotificationList items={data.items} />
          {data.pages > 1 && (
            <nav aria-label={t("pagination")} className={styles.pager}>
              {data.page > 1 && <Link href={`/notifications?page=${data.page - 1}`}>{t("previous")}</Link>}
              <span>{t("page", { page: data.page, pages: data.pages })}</span>
              {data.page < data.pages && <Link href={`/notifications?page=${data.page + 1}`}>{t("next")}</Link>}
            </nav>
          )}
        </>
      )}
    </section>
  );
}
