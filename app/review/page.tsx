import { getTranslations } from "next-intl/server";
import { ReviewQueue } from "@/components/cycle/review-queue";
import cycle from "@/components/cycle/cycle.module.css";
import { listReviewQueue } from "@/lib/data/reviews";
import { parseReviewQueueParams, REVIEW_SIDES } from "@/lib/validations/reports";
import { Options } from "@/components/forms/options";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("cycle.review");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The coordinators' review queue (审核): reports awaiting a decision in their scope, oldest first. */
export default async function ReviewPage({ searchParams }: Props) {
  const filters = parseReviewQueueParams(await searchParams);
  const [{ scope, rows, units }, t, tSide] = await Promise.all([
    listReviewQueue(filters),
    getTranslations("cycle.review"),
    getTranslations("side"),
  ]);
  return (
    <section className="stack">
      <h1>{t("title")}</h1>
      <p className="muted">{scope === null ? t("scopeAll") : t("scopeSide", { side: tSide(scope) })}</p>
      <form method="get" action="/review" role="search" aria-label={t("filters")} className={cycle.filters}>
        <label>
          {t("unitFilter")}
          <select name="unit" defaultValue={filters.unit ?? ""}>
            <option value="">{t("allUnits")}</option>
            <Options items={units} value={(u) => u.id} label={(u) => u.name} />
          </select>
        </label>
        <label>
          {t("sideFilter")}
          <select name="side" defaultValue={filters.side ?? ""}>
            <option value="">{t("allSides")}</option>
            <Options items={REVIEW_SIDES} label={(s) => tSide(s)} />
          </select>
        </label>
        <button type="submit" className="button">
          {t("applyFilters")}
        </button>
      </form>
      {filters.invalid.length > 0 && (
        <p className="small" role="status" data-testid="invalid-params">
          {t("invalidParams", { params: filters.invalid.join(", ") })}
        </p>
      )}
      <p className="small" data-testid="queue-count">
        {t("count", { count: rows.length })}
      </p>
      {rows.length === 0 ? (
        <p className="card" data-testid="queue-empty">
          {t("empty")}
        </p>
      ) : (
        <ReviewQueue rows={rows} />
      )}
    </section>
  );
}
