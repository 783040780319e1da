import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FigureCells, FigureHeaders } from "@/components/periods/fulfilment";
import { PeriodCells, PeriodHeaders } from "@/components/periods/period-cells";
import { ColumnHeaders, DataTable } from "@/components/ui/data-table";
import { listPeriods } from "@/lib/data/periods";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("periods");
  return { title: t("title") };
}

export default async function PeriodsPage() {
  const [{ periods, canCompare }, t, locale] = await Promise.all([
    listPeriods(),
    getTranslations("periods"),
    getLocale(),
  ]);
  return (
    <section className="stack">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {canCompare ? (
        <p>
          <Link href="/periods/compare">{t("list.compare")}</Link>
        </p>
      ) : null}
      <h2>{t("list.heading")}</h2>
      {periods.length === 0 ? (
        <p className="card">{t("list.empty")}</p>
      ) : (
        <DataTable
          testId="periods-table"
          scroll
          head={
            <>
              <PeriodHeaders />
              <FigureHeaders />
              <ColumnHeaders labels={[t("list.colFiles")]} />
            </>
          }
        >
          {periods.map((p) => (
            <tr key={p.id} data-testid={`period-${p.id}`}>
              <th scope="row">
                <Link href={`/periods/${p.id}`}>{locale === "en" ? p.labelEn : p.label}</Link>
                {p.isSample ? <span className="sample-badge"> {t("list.sample")}</span> : null}
              </th>
              <PeriodCells period={p} />
              <FigureCells periodId={p.id} f={p.fulfilment} testId={`period-${p.id}`} />
              <td>
                {p.hasFiles ? <Link href={`/periods/${p.id}#files`}>{t("list.filesReady")}</Link> : t("list.filesNone")}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
