import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { AsOfBanner } from "@/components/as-of/as-of-banner";
import { AsOfControl } from "@/components/as-of/as-of-control";
import { clearHref, FilterForm } from "@/components/browse/filter-form";
import { ItemsTable } from "@/components/browse/items-table";
import { Pager } from "@/components/browse/pager";
import styles from "@/components/browse/browse.module.css";
import { getCurrentUser } from "@/lib/auth/session";
import { listItems } from "@/lib/data/browse";
import { can } from "@/lib/permissions";
import { parseAsOfParams } from "@/lib/validations/as-of";
import { browseSearch } from "@/lib/validations/browse";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("browse");
  return { title: t("title") };
}

export default async function ItemsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const asOf = parseAsOfParams(params);
  const [list, t, tRoot, user] = await Promise.all([
    listItems(params, asOf),
    getTranslations("browse"),
    getTranslations(),
    getCurrentUser(),
  ]);
  const { query, rows, total, issues, options } = list;
  const pages = Math.max(1, Math.ceil(total / query.size));
  const dates = { asOf: asOf.asOf ?? undefined, compare: asOf.compare ?? undefined };
  const pageHref = (page: number) => `/items${browseSearch({ ...query, page }, dates)}`;
  const from = total === 0 ? 0 : (query.page - 1) * query.size + 1;
  const to = Math.min(total, query.page * query.size);
  // The report page takes this list's filters (sorting and paging do not change which items are in scope).
  const reportHref = `/reports?${new URLSearchParams({ scope: "filters", filters: browseSearch({ ...query, page: 1 }).slice(1), ...(asOf.asOf ? { asOf: asOf.asOf } : {}) })}`;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {can(user, "item:import") && (
        <p>
          <Link href="/items/import">{tRoot("import.link")}</Link>
        </p>
      )}
      <AsOfControl selection={asOf} />
      <AsOfBanner selection={asOf} />
      {issues.length > 0 && (
        <ul className={styles.issues} role="alert" data-testid="param-issues">
          {issues.map((issue) => (
            <li key={issue.param}>
              {t("invalidParam", { param: t(issue.param), value: issue.value })} {tRoot(issue.message)}
            </li>
          ))}
        </ul>
      )}
      <FilterForm query={query} options={options} asOf={asOf} />
      <div className={styles.summary} aria-live="polite">
        <span className={styles.count} data-testid="result-count" data-count={total}>
          {t("count", { count: total })}
        </span>
        {total > 0 && <span className="muted small">{t("range", { from, to })}</span>}
        <Link href={reportHref} data-testid="export-report">
          {tRoot("reports.exportLink")}
        </Link>
      </div>
      {total === 0 ? (
        <div className={styles.empty} data-testid="empty-state">
          <p>
            <strong>{t("empty")}</strong>
          </p>
          <p>
            {t("emptyHint")} <Link href={clearHref(asOf)}>{t("clear")}</Link>
          </p>
        </div>
      ) : (
        <>
          <ItemsTable rows={rows} query={query} asOf={asOf} />
          <Pager page={query.page} pages={pages} href={pageHref} />
        </>
      )}
    </>
  );
}
