import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: t("title") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, messages] = await Promise.all([getLocale(), getTranslations("app"), getMessages()]);
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        {/* Only app/error.tsx translates on the client everywhere; segments with client forms add the whole
            catalogue in their own layout (components/i18n/form-messages.tsx). */}
        <NextIntlClientProvider messages={{ errors: messages.errors }}>
          <SiteHeader />
          <main id="main">{children}</main>
          <footer className="site-footer">{t("source")}</footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
