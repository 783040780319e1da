import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: t("title") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("app")]);
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        {/* Every client leaf (forms, filters, charts) may translate, so the provider wraps the whole page. */}
        <NextIntlClientProvider>
          <SiteHeader />
          <main id="main">{children}</main>
          <footer className="site-footer">{t("source")}</footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
