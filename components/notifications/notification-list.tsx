import { getFormatter, getTranslations } from "next-intl/server";
import type { MyNotification } from "@/lib/data/notifications";
import { MarkRead, OpenNotification } from "./notification-forms";
import styles from "./notifications.module.css";

/** My notifications, latest first: unread ones marked in words (not only by colour). */
export async function NotificationList({ items }: { items: MyNotification[] }) {
  const [t, format] = await Promise.all([getTranslations("notifications"), getFormatter()]);
  return (
    <ul className={styles.list} data-testid="notification-list">
      {items.map((n) => (
        <li
          key={n.id}
          className={`${styles.item} ${n.read ? "" : styles.unread}`}
          data-testid="notification"
          data-read={n.read ? "true" : "false"}
        >
          <OpenNotification id={n.id} title={n.title} />
          {!n.read && <MarkRead id={n.id} label={n.title} />}
          <p className={styles.body}>{n.body}</p>
          <p className={styles.meta}>
            <span className="badge">{n.read ? t("read") : t("unread")}</span>
            <span>
              {t("receivedAt")}：
              <time dateTime={n.createdAt}>
                {format.dateTime(new Date(n.createdAt), {
                  year: "numeric",
                  month: "2-digit",
                  day: "2-digit",
                  hour: "2-digit",
                  minute: "2-digit",
                })}
              </time>
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
}
