import Link from "@/components/ui/link";
import { Fragment } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ChangesView } from "@/components/dashboard/changes-panel";
import { getPeriodComparison } from "@/lib/data/periods";
import { parseCompareParams } from "@/lib/validations/periods";
import { Options } from "@/components/forms/options";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("periods.compare");
  return { title: t("title") };
}

type Search = { from?: string | string[]; to?: string | string[] };

/** /periods/compare?from=ID&to=ID: two closed periods compared on their frozen item states. */
export default async function ComparePeriodsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const parsed = parseCompareParams(search);
  const [page, t, locale] = await Promise.all([
    parsed.ok ? getPeriodComparison(parsed.from, parsed.to) : getPeriodComparison(null, null, parsed.issues),
    getTranslations("periods.compare"),
    getLocale(),
  ]);
  const name = (p: { label: string; labelEn: string }) => (locale === "en" ? p.labelEn : p.label);
  const selected = (param: "from" | "to") => {
    if (page.kind === "comparison") return String(page[param].id);
    const raw = search[param];
    return typeof raw === "string" ? raw : "";
  };

  return (
    <section className="stack">
      <p className="small">
        <Link href="/periods">{t("title")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {page.kind === "form" && page.issues.length > 0 ? (
        <div role="alert" data-testid="compare-issues">
          <p>{t("invalid")}</p>
          <ul>
            {page.issues.map((i, k) => (
              <li key={k}>{t(i.message.replace("periods.compare.", "") as never, { param: i.param } as never)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {page.closed.length < 2 ? (
        <p className="card">{t("needTwo")}</p>
      ) : (
        <form method="get" className="card" aria-label={t("title")}>
          {(["from", "to"] as const).map((end) => (
            <Fragment key={end}>
              <label htmlFor={`compare-${end}`}>{t(end)}</label>{" "}
              <select id={`compare-${end}`} name={end} defaultValue={selected(end)}>
                <option value="">{t("choose")}</option>
                <Options items={page.closed} value={(p) => p.id} label={(p) => name(p)} />
              </select>{" "}
            </Fragment>
          ))}
          <button type="submit">{t("submit")}</button>
        </form>
      )}
      {page.kind === "comparison" ? (
        <ChangesView
          comparison={page.comparison}
          title={t("heading", { from: name(page.from), to: name(page.to) })}
          summary={t("summary", { from: name(page.from), to: name(page.to) })}
          itemHref={(code) => `/items/${code}?asOf=${page.comparison.toDay}`}
        />
      ) : null}
    </section>
  );
}
