"use client";

import { useTranslations } from "next-intl";

// Shown instead of a stack trace when a page cannot be rendered (for example, the database is down).
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="card" role="alert">
      <h1>{t("title")}</h1>
      <p>{t("database")}</p>
      <button type="button" onClick={reset}>
        {t("retry")}
      </button>
    </div>
  );
}
