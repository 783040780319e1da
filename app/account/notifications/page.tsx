import { getTranslations } from "next-intl/server";
import { EmailSettingsForm } from "@/components/notifications/email-settings-form";
import { getMyEmailSettings } from "@/lib/data/notifications";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/** 邮件通知设置: my address, one mail per notification, a daily digest, or none. Every mail links here. */
export default async function EmailSettingsPage() {
  const [settings, t] = await Promise.all([getMyEmailSettings(), getTranslations("account")]);
  return (
    <section className="stack">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {!settings.mailOn && (
        <p className="card" role="note" data-testid="mail-off">
          {t("mailOff")}
        </p>
      )}
      <EmailSettingsForm email={settings.email} delivery={settings.delivery} />
    </section>
  );
}
