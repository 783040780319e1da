import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataTable, headings } from "@/components/ui/data-table";
import type { PeriodRating, RatingRecords, UnitRating } from "@/lib/data/ratings";
import { RATING_COMPONENTS, type RatingComponent } from "@/lib/rating";
import { BoardBadge, Rate, Score } from "./ranking-table";
import { ItemLink } from "@/components/ui/item-link";

/** The counts behind each component, as the sentence that explains it. */
function explain(r: UnitRating, k: RatingComponent): Record<string, number> {
  switch (k) {
    case "onTime":
      return { counted: r.onTime, of: r.obligations, late: r.late, missing: r.missing, returned: r.returned };
    case "firstPass":
      return { counted: r.firstPass, of: r.reviewed };
    case "overdue":
      return { counted: r.overdue, of: r.items };
    case "supervision":
      return {
        counted: r.answeredOnTime,
        of: r.supervisions - r.pending,
        received: r.supervisions,
        pending: r.pending,
      };
  }
}

/** One unit's rating of one closed period: its figures, how each is counted, and the records behind them. */
export async function UnitRatingDetail({
  rating,
  unitName,
  unit,
  records,
}: {
  rating: PeriodRating;
  unitName: string;
  unit: UnitRating | null;
  records: RatingRecords;
}) {
  const [t, tCol, tPeriods, tStatus, format, locale] = await Promise.all([
    getTranslations("ratings"),
    getTranslations("ratings.detail"),
    getTranslations("periods"),
    getTranslations("status"),
    getFormatter(),
    getLocale(),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  const w = rating.weights.weights;
  return (
    <section className="stack" aria-labelledby="rating-unit-heading" data-testid="rating-unit">
      <h2 id="rating-unit-heading">{t("detail.heading", { unit: unitName })}</h2>
      {unit === null ? (
        <p className="muted" data-testid="rating-unit-none">
          {t("detail.none")}
        </p>
      ) : (
        <>
          <p data-testid="rating-unit-summary">
            {t("detail.score")}{" "}
            <strong data-testid="rating-unit-score">
              <Score score={unit.score} />
            </strong>
            {" · "}
            <span data-testid="rating-unit-rank">
              {unit.rank === null ? t("notRanked") : t("rankOf", { rank: unit.rank, count: rating.rankedCount })}
            </span>{" "}
            <BoardBadge board={unit.board} />
          </p>
          <DataTable
            testId="rating-components"
            columns={headings(tCol, ["colComponent", "colValue", "colWeight", "colWhy"])}
          >
            {RATING_COMPONENTS.map((k) => (
              <tr key={k} data-testid={`rating-component-${k}`}>
                <th scope="row">{t(`component.${k}`)}</th>
                <td>
                  <Rate value={unit.components[k]} />
                </td>
                <td>{unit.components[k] === null ? t("detail.weightShared", { weight: w[k] }) : w[k]}</td>
                <td>{t(`why.${k}`, explain(unit, k))}</td>
              </tr>
            ))}
          </DataTable>
          <p className="small muted">{t("formula")}</p>
        </>
      )}

      <h3>{t("detail.obligations")}</h3>
      <DataTable
        empty={t("detail.empty")}
        testId="rating-obligations"
        scroll
        columns={headings(tCol, ["colItem", "colOutcome", "colReport", "colSubmitted", "colFirstPass"])}
      >
        {records.obligations.map((o) => (
          <tr key={o.itemId} data-testid="rating-obligation">
            <td>
              <ItemLink item={o} locale={locale} />
            </td>
            <td>{tPeriods(`outcome.${o.outcome}`)}</td>
            <td>{o.reportState ? tPeriods(`reportState.${o.reportState}`) : tPeriods("detail.noReport")}</td>
            <td>{o.submittedAt ? when(o.submittedAt) : tPeriods("detail.noReport")}</td>
            <td>
              {!o.reviewed ? t("detail.notReviewed") : o.firstPass ? t("detail.firstPass") : t("detail.returned")}
            </td>
          </tr>
        ))}
      </DataTable>

      <h3>{t("detail.items")}</h3>
      <DataTable
        empty={t("detail.empty")}
        testId="rating-items"
        scroll
        columns={headings(tCol, ["colItem", "colStatus", "colDue", "colOverdue"])}
      >
        {records.items.map((i) => (
          <tr key={i.itemId} data-testid="rating-item" data-overdue={i.overdue}>
            <td>
              <ItemLink item={i} locale={locale} />
            </td>
            <td>{tStatus(i.status)}</td>
            <td>{i.dueDate ?? t("detail.noDue")}</td>
            <td>{i.overdue ? t("detail.daysOverdue", { days: i.daysOverdue ?? 0 }) : t("detail.notOverdue")}</td>
          </tr>
        ))}
      </DataTable>

      <h3>{t("detail.supervisions")}</h3>
      <DataTable
        empty={t("detail.noSupervisions")}
        testId="rating-supervisions"
        scroll
        columns={headings(tCol, ["colNumber", "colIssued", "colReplyBy", "colAnswered", "colJudgement"])}
      >
        {records.supervisions.map((s) => (
          <tr key={s.id} data-testid="rating-supervision">
            <td>
              <Link href={`/supervisions/${s.id}`}>{s.number}</Link>
            </td>
            <td>{s.issuedOn}</td>
            <td>{s.replyBy}</td>
            <td>{s.answeredAt ? when(s.answeredAt) : t("detail.notAnswered")}</td>
            <td>{t(`judgement.${s.judgement}`)}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
