import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { FormMessages } from "@/components/i18n/form-messages";
import { ClosePeriodForm } from "@/components/periods/close-period-form";
import { FigureCells, FigureHeaders } from "@/components/periods/fulfilment";
import { PhaseBadge } from "@/components/periods/phase-badge";
import { PeriodRatings } from "@/components/ratings/period-ratings";
import { DataTable, headings } from "@/components/ui/data-table";
import { DECISIONS_LIMIT, getPeriodPage } from "@/lib/data/periods";
import { parseId } from "@/lib/validations/id";
import { periodPageParamsSchema } from "@/lib/validations/periods";
import { ItemLink } from "@/components/ui/item-link";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[]>> };

export default async function PeriodPage({ params, searchParams }: Params) {
  const periodId = parseId((await params).id);
  if (periodId === null) notFound();
  const query = periodPageParamsSchema.parse(await searchParams);
  const [page, t, tCol, tSide, format, locale] = await Promise.all([
    getPeriodPage(periodId, query),
    getTranslations("periods"),
    getTranslations("periods.detail"),
    getTranslations("side"),
    getFormatter(),
    getLocale(),
  ]);
  const { period, fulfilment, obligations, decisions, files } = page;
  const label = locale === "en" ? period.labelEn : period.label;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  const scopeText = [query.side ? tSide(query.side) : null, page.filterUnitName].filter(Boolean).join("，");

  return (
    <section className="stack">
      <p className="small">
        <Link href="/periods">{t("detail.back")}</Link>
      </p>
      <h1>
        {label} <PhaseBadge phase={period.phase} />
      </h1>
      <p>
        {t("detail.dates", { opens: period.opensOn, closes: period.closesOn, deadline: period.deadline })}
        {period.closedAt ? (
          <>
            {" · "}
            {period.closedBy
              ? t("detail.closedBy", { at: when(period.closedAt), who: period.closedBy })
              : t("detail.closedAuto", { at: when(period.closedAt) })}
          </>
        ) : null}
      </p>
      <p className="small muted">
        {period.phase === "CLOSED"
          ? t("detail.frozenNote")
          : period.phase === "UPCOMING"
            ? t("detail.notOpened")
            : t("detail.liveNote")}
      </p>

      {page.canClose ? (
        <Card id="close-heading" heading={t("close.heading")}>
          <FormMessages namespaces={["periods"]}>
            <ClosePeriodForm periodId={period.id} label={label} />
          </FormMessages>
        </Card>
      ) : null}

      <h2>{t("detail.overall")}</h2>
      <DataTable testId="fulfilment-total" head={<FigureHeaders />}>
        <tr>
          <FigureCells periodId={period.id} f={fulfilment.total} testId="total" />
        </tr>
      </DataTable>

      <h2>{t("detail.bySide")}</h2>
      <DataTable testId="fulfilment-sides" columns={[t("detail.colSide")]} head={<FigureHeaders />}>
        {fulfilment.sides.map((s) => (
          <tr key={s.side}>
            <th scope="row">{tSide(s.side)}</th>
            <FigureCells periodId={period.id} f={s} scope={{ side: s.side }} testId={`side-${s.side}`} />
          </tr>
        ))}
      </DataTable>

      <h2>{t("detail.byUnit")}</h2>
      <DataTable
        testId="fulfilment-units"
        scroll
        columns={[t("detail.colUnit"), t("detail.colSide")]}
        head={<FigureHeaders />}
      >
        {fulfilment.units.map((u) => (
          <tr key={u.unitId}>
            <th scope="row">{u.unit}</th>
            <td>{tSide(u.side)}</td>
            <FigureCells periodId={period.id} f={u} scope={{ unitId: u.unitId }} testId={`unit-${u.unitId}`} />
          </tr>
        ))}
      </DataTable>

      <section id="obligations" aria-labelledby="obligations-heading" className="stack">
        <h2 id="obligations-heading">{t("detail.obligations")}</h2>
        {obligations === null || query.show === undefined ? (
          <p className="small muted">{t("detail.obligationsHint")}</p>
        ) : (
          <>
            <p data-testid="obligations-heading">
              {t("detail.obligationsHeading", { figure: t(`figures.${query.show}`), count: obligations.length })}
              {scopeText ? t("detail.obligationsScope", { scope: scopeText }) : null}{" "}
              <Link href={`/periods/${period.id}#obligations`} className="small">
                {t("detail.clearFilter")}
              </Link>
            </p>
            <DataTable
              empty={t("detail.obligationsEmpty")}
              testId="obligations"
              scroll
              columns={headings(tCol, ["colItem", "colUnit", "colSide", "colOutcome", "colReport", "colSubmitted"])}
            >
              {obligations.map((o) => (
                <tr key={`${o.itemId}-${o.unitId}`} data-testid="obligation-row">
                  <td>
                    <ItemLink item={o} locale={locale} />
                  </td>
                  <td>{o.unit}</td>
                  <td>{tSide(o.side)}</td>
                  <td>{t(`outcome.${o.outcome}`)}</td>
                  <td>{o.reportState ? t(`reportState.${o.reportState}`) : t("detail.noReport")}</td>
                  <td>{o.submittedAt ? when(o.submittedAt) : t("detail.noReport")}</td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </section>

      <section aria-labelledby="decisions-heading" className="stack">
        <h2 id="decisions-heading">{t("detail.decisions")}</h2>
        {decisions.length === 0 ? (
          <p className="muted">{t("detail.decisionsEmpty")}</p>
        ) : (
          <>
            {decisions.length >= DECISIONS_LIMIT ? (
              <p className="small muted">{t("detail.decisionsLimited", { count: DECISIONS_LIMIT })}</p>
            ) : null}
            <DataTable
              testId="decisions"
              scroll
              columns={headings(tCol, ["colWhen", "colItem", "colUnit", "colDecision", "colReviewer", "colComment"])}
            >
              {decisions.map((d) => (
                <tr key={d.id}>
                  <td>{when(d.at)}</td>
                  <td>
                    <ItemLink item={d} locale={locale} />
                  </td>
                  <td>{d.unit ?? ""}</td>
                  <td>{t(`detail.decision.${d.action}`)}</td>
                  <td>{d.actor ?? t("detail.system")}</td>
                  <td>{d.comment ?? ""}</td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </section>

      <section id="files" aria-labelledby="files-heading" className="stack">
        <h2 id="files-heading">{t("detail.files")}</h2>
        <DataTable
          empty={t("detail.filesPending")}
          testId="period-files"
          columns={headings(tCol, ["colFormat", "colFile", "colSize", "colSha256"])}
        >
          {files.map((f) => (
            <tr key={f.format}>
              <td>{f.format.toUpperCase()}</td>
              <td>
                <a href={`/api/periods/${period.id}/files/${f.format}`} download={f.fileName}>
                  {f.fileName}
                </a>
              </td>
              <td>{t("detail.size", { kb: Math.max(1, Math.round(f.size / 1024)) })}</td>
              <td>
                <code className="small" style={{ wordBreak: "break-all" }} data-testid={`sha256-${f.format}`}>
                  {f.sha256}
                </code>
              </td>
            </tr>
          ))}
        </DataTable>
      </section>

      {period.phase === "CLOSED" ? <PeriodRatings periodId={period.id} /> : null}

      {period.phase === "CLOSED" ? (
        <p>
          <Link href={`/periods/compare?to=${period.id}`}>{t("detail.compare")}</Link>
        </p>
      ) : null}
    </section>
  );
}
