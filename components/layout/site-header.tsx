import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { hasSampleData } from "@/lib/data/datasets";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { LanguageSwitcher } from "./language-switcher";
import { MainNav } from "./main-nav";
import { UserMenu } from "./user-menu";
import type { Locale } from "@/lib/i18n/locales";

export async function SiteHeader() {
  const [t, locale, sample, user] = await Promise.all([
    getTranslations("app"),
    getLocale(),
    hasSampleData(),
    getCurrentUser(),
  ]);
  return (
    <header>
      <div className="site-header">
        <div className="site-header__inner">
          <Link href="/">{t("title")}</Link>
          <div className="site-header__tools">
            {sample && (
              <span className="sample-badge" data-testid="sample-badge">
                {t("sampleBadge")}
              </span>
            )}
            <LanguageSwitcher current={locale as Locale} label={t("language")} />
            {user && <NotificationBell user={user} />}
            {user && <UserMenu user={user} />}
          </div>
        </div>
        {user && (
          <div className="site-header__inner">
            <MainNav user={user} />
          </div>
        )}
      </div>
      {sample && (
        <div className="sample-notice" role="note">
          <p>{t("sampleNotice")}</p>
        </div>
      )}
    </header>
  );
}
