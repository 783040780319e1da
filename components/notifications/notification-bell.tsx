import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getUnreadCount } from "@/lib/data/notifications";
import type { SessionUser } from "@/lib/auth/session";
import styles from "./notifications.module.css";

/** The header's bell: a link to /notifications with the unread count (one indexed count per page). */
export async function NotificationBell({ user }: { user: SessionUser }) {
  const [t, unread] = await Promise.all([getTranslations("notifications"), getUnreadCount(user)]);
  return (
    <Link
      href="/notifications"
      className={styles.bell}
      data-testid="notification-bell"
      aria-label={unread > 0 ? t("bellUnread", { count: unread }) : t("bell")}
    >
      <span aria-hidden="true">🔔</span>
      <span>{t("bell")}</span>
      {unread > 0 && (
        <span className={styles.count} data-testid="notification-count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
