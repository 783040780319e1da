import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { CustomPeriodForm, CycleSettingsForm } from "@/components/periods/cycle-settings-form";
import { PeriodCells, PeriodHeaders } from "@/components/periods/period-cells";
import { DataTable } from "@/components/ui/data-table";
import { ChaseSettingsForm } from "@/components/chase/chase-settings-form";
import { getChaseSettings } from "@/lib/data/chase";
import { getCycleSettings } from "@/lib/data/periods";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("periods.settings");
  return { title: t("title") };
}

export default async function CycleSettingsPage() {
  const [{ settings, periods }, chase, t, tKind, tChase, locale] = await Promise.all([
    getCycleSettings(),
    getChaseSettings(),
    getTranslations("periods.settings"),
    getTranslations("periods.kind"),
    getTranslations("chase.settings"),
    getLocale(),
  ]);
  return (
    <section className="stack">
      <h1>{t("title")}</h1>
      <AdminNav current="cycle" />
      <p className="small">{t("intro")}</p>
      <p data-testid="cycle-current">
        {t("current", {
          kind: tKind(settings.periodKind),
          day: settings.deadlineDay,
          review: settings.reviewRequired ? t("reviewOn") : t("reviewOff"),
        })}
      </p>
      <div className="two-col">
        <Card id="settings-heading" heading={t("heading")}>
          <CycleSettingsForm
            settings={{
              periodKind: settings.periodKind,
              deadlineDay: settings.deadlineDay,
              reviewRequired: settings.reviewRequired,
            }}
          />
        </Card>
        <Card id="custom-heading" heading={t("custom")}>
          <p className="small muted">{t("customHint")}</p>
          <CustomPeriodForm />
        </Card>
      </div>
      <Card id="chase-heading" heading={tChase("heading")}>
        <p className="small muted">{tChase("intro")}</p>
        <p data-testid="chase-current">
          {tChase("current", {
            reminder: chase.reminderWorkdays,
            supervise: chase.superviseWorkdays,
            overdue: chase.overdueDays,
            ack: chase.acknowledgeWorkdays,
            answer: chase.answerWorkdays,
          })}
        </p>
        <ChaseSettingsForm
          settings={{
            reminderWorkdays: chase.reminderWorkdays,
            superviseWorkdays: chase.superviseWorkdays,
            overdueDays: chase.overdueDays,
            acknowledgeWorkdays: chase.acknowledgeWorkdays,
            answerWorkdays: chase.answerWorkdays,
            escalate: chase.escalate,
            noticePrefix: chase.noticePrefix,
          }}
        />
      </Card>
      <h2>{t("existing")}</h2>
      <DataTable testId="cycle-periods" head={<PeriodHeaders />}>
        {periods.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              <Link href={`/periods/${p.id}`}>{locale === "en" ? p.labelEn : p.label}</Link>
            </th>
            <PeriodCells period={p} />
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
