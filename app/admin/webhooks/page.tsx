import { getFormatter, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";
import { Card } from "@/components/ui/card";
import { RedeliverButton, WebhookActions } from "@/components/admin/webhook-actions";
import { WebhookRegisterForm } from "@/components/admin/webhook-register-form";
import styles from "@/components/admin/webhooks.module.css";
import { headings } from "@/components/ui/data-table";
import { listWebhooks } from "@/lib/data/webhooks";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("webhooks");
  return { title: t("title") };
}

/** Webhooks: register one, and each registered one with its latest deliveries and their answers. */
export default async function WebhooksPage() {
  const [hooks, t, format] = await Promise.all([listWebhooks(), getTranslations("webhooks"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "medium", timeZone: "Asia/Shanghai" });
  const eventName = (e: string) => (t.has(`eventNames.${e}` as never) ? t(`eventNames.${e}` as never) : e);
  return (
    <section className="stack">
      <h1>{t("title")}</h1>
      <AdminNav current="webhooks" />
      <p className="small">{t("intro")}</p>
      <Card id="webhook-register" heading={t("registerHeading")}>
        <WebhookRegisterForm />
      </Card>
      <h2>{t("listHeading")}</h2>
      {hooks.length === 0 && <p className="muted">{t("empty")}</p>}
      {hooks.map((h) => (
        <section key={h.id} className="card" aria-labelledby={`webhook-${h.id}`} data-testid="webhook">
          <h3 id={`webhook-${h.id}`} className={styles.url}>
            {h.url}
          </h3>
          <p className={`small ${styles.meta}`}>
            <span data-testid="webhook-status">{h.active ? t("active") : t("inactive")}</span>
            {h.allowPrivate && <span>{t("privateAllowed")}</span>}
            <span>{t("secretEnding", { hint: h.secretHint })}</span>
            <span>
              {h.createdBy
                ? t("createdBy", { who: h.createdBy, when: when(h.createdAt) })
                : t("createdBySystem", { when: when(h.createdAt) })}
            </span>
          </p>
          <p className="small">
            {t("events")}: {h.events.map(eventName).join("、")}
          </p>
          <WebhookActions webhookId={h.id} url={h.url} active={h.active} />
          <h4>{t("deliveriesHeading")}</h4>
          {h.deliveries.length === 0 ? (
            <p className="muted small">{t("noDeliveries")}</p>
          ) : (
            <AdminTable
              testId="webhook-deliveries"
              columns={headings(t, [
                "columns.event",
                "columns.eventId",
                "columns.state",
                "columns.attempts",
                "columns.answer",
                "columns.when",
                "columns.actions",
              ])}
            >
              {h.deliveries.map((d) => (
                <tr key={d.id} data-testid="webhook-delivery">
                  <td>{eventName(d.event)}</td>
                  <td>
                    <code className="small">{d.eventId}</code>
                  </td>
                  <td data-testid="webhook-delivery-state">{t(`states.${d.state}`)}</td>
                  <td>{d.attempts}</td>
                  <td className="small">
                    {d.lastResponseCode ?? ""} {d.lastError ?? (d.lastResponseCode === null ? t("noAnswer") : "")}
                  </td>
                  <td className="small">
                    {d.deliveredAt
                      ? t("deliveredAt", { when: when(d.deliveredAt) })
                      : d.state === "PENDING"
                        ? t("nextAttempt", { when: when(d.nextAttemptAt) })
                        : when(d.createdAt)}
                  </td>
                  <td>{(d.state === "DELIVERED" || d.state === "FAILED") && <RedeliverButton deliveryId={d.id} />}</td>
                </tr>
              ))}
            </AdminTable>
          )}
        </section>
      ))}
    </section>
  );
}
