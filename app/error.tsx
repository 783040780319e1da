"use client";

import { useTranslations } from "next-intl";
import { ErrorReference } from "@/components/layout/error-reference";

// Shown instead of a stack trace when a page cannot be rendered (for example, the database is down), with the
// request's reference (错误编号) that the log line of the failure carries as requestId.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="card" role="alert">
      <h1>{t("title")}</h1>
      <p>{t("database")}</p>
      <ErrorReference label={t.raw("reference") as string} />
      <button type="button" onClick={reset}>
        {t("retry")}
      </button>
    </div>
  );
}
