import { getLocale, getTranslations } from "next-intl/server";
import { ReportForm } from "@/components/reports/report-form";
import { ReportPreview } from "@/components/reports/report-preview";
import styles from "@/components/reports/reports.module.css";
import { todayInChina } from "@/lib/dates";
import { getReport, getReportPeriods, getReportScopeChoices } from "@/lib/data/reports";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { ReportScopeNotFoundError } from "@/lib/queries/report";
import type { ReportData } from "@/lib/report/types";
import {
  DEFAULT_COMPARE_DAYS,
  daysBefore,
  parseReportParams,
  REPORT_FORMATS,
  reportSearch,
} from "@/lib/validations/report";
import { describeReportIssues } from "@/lib/i18n/report-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("reports");
  return { title: t("title") };
}

export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // The permission check comes first (getReportScopeChoices requires report:export).
  const [choices, periods, params, t, locale] = await Promise.all([
    getReportScopeChoices(),
    getReportPeriods(),
    searchParams,
    getTranslations("reports"),
    getLocale(),
  ]);
  const today = todayInChina();
  // The format does not change the preview; only the download links carry one.
  const parsed = parseReportParams({ ...params, format: undefined }, undefined, periods);
  const messages: string[] = [];
  let data: ReportData | null = null;
  if (!parsed.ok) messages.push(...describeReportIssues(parsed.issues, translator(toLocale(locale))));
  else {
    try {
      data = await getReport({
        scope: parsed.params.scope,
        asOf: parsed.params.asOf,
        period: parsed.params.period,
        compare: parsed.params.compare,
        locale: toLocale(locale),
      });
    } catch (error) {
      if (!(error instanceof ReportScopeNotFoundError)) throw error;
      messages.push(t("errors.scopeNotFound"));
    }
  }
  const settings = parsed.ok
    ? parsed.params
    : {
        scope: { kind: "all" as const },
        asOf: today,
        period: null,
        compare: daysBefore(today, DEFAULT_COMPARE_DAYS),
      };
  const rawPeriod = typeof params.period === "string" ? params.period : "";

  return (
    <>
      <div className={styles.noPrint}>
        <h1>{t("title")}</h1>
        <p className="muted">{t("intro")}</p>
      </div>
      <ReportForm
        choices={choices}
        scope={settings.scope}
        asOf={settings.asOf}
        compare={settings.compare ?? ""}
        today={today}
        periods={periods.flatMap((p) =>
          p.closedAt === null ? [] : [{ id: p.id, label: locale === "en" ? p.labelEn : p.label }],
        )}
        period={settings.period ? String(settings.period.id) : rawPeriod}
      />
      {messages.length > 0 && (
        <div className={styles.issues} role="alert" data-testid="report-issues">
          <p>{t("errors.heading")}</p>
          <ul>
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {data && parsed.ok && (
        <>
          <nav className={`${styles.downloads} ${styles.noPrint}`} aria-label={t("download.heading")}>
            <strong>{t("download.heading")}</strong>
            {REPORT_FORMATS.map((format) => (
              <a
                key={format}
                href={`/api/reports?${reportSearch({ ...parsed.params, format })}`}
                download
                data-format={format}
              >
                {t(`download.${format}`)}
              </a>
            ))}
          </nav>
          <ReportPreview data={data} />
        </>
      )}
    </>
  );
}
