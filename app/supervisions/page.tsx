import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ChaseRecord } from "@/components/chase/chase-record";
import { Options } from "@/components/forms/options";
import { DataTable, headings } from "@/components/ui/data-table";
import { CHASE_RECORD_LIMIT, listSupervisions, SUPERVISION_LIST_LIMIT, type SupervisionRow } from "@/lib/data/chase";
import { SUPERVISION_FILTERS, supervisionListParamsSchema } from "@/lib/validations/chase";
import { parseId } from "@/lib/validations/id";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("chase.list");
  return { title: t("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SupervisionsPage({ searchParams }: { searchParams: Search }) {
  const raw = await searchParams;
  const { state } = supervisionListParamsSchema.parse({ state: typeof raw.state === "string" ? raw.state : undefined });
  const unit = typeof raw.unit === "string" ? (parseId(raw.unit) ?? undefined) : undefined;
  const [data, t, tState, tReason, tUnit, locale] = await Promise.all([
    listSupervisions({ state, unit }),
    getTranslations("chase.list"),
    getTranslations("chase.state"),
    getTranslations("chase.reason"),
    getTranslations("chase.unitRecord"),
    getLocale(),
  ]);
  const stateOf = (s: SupervisionRow) =>
    [
      s.answeredAt !== null
        ? tState("answered")
        : s.acknowledgedAt !== null
          ? tState("unanswered")
          : tState("unacknowledged"),
      ...(s.escalatedAt !== null ? [tState("escalated")] : []),
    ].join(" · ");
  const href = (s?: string) => (s ? `/supervisions?state=${s}` : "/supervisions");
  return (
    <section className="stack">
      <h1>{t("title")}</h1>
      <p className="small">{data.own ? t("introOwn") : t("intro")}</p>
      <nav aria-label={t("filter")}>
        <ul className="plain inline" data-testid="supervision-filters">
          <li>
            <Link href={href()} aria-current={state === undefined ? "page" : undefined}>
              {t("count", { label: tState("all"), count: data.counts.all })}
            </Link>
          </li>
          {SUPERVISION_FILTERS.map((s) => (
            <li key={s}>
              <Link href={href(s)} aria-current={state === s ? "page" : undefined}>
                {t("count", { label: tState(s), count: data.counts[s] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <DataTable
        empty={t("empty")}
        testId="supervisions"
        scroll
        columns={headings(t, ["number", "unit", "reason", "items", "issuedOn", "acknowledgeBy", "replyBy", "status"])}
      >
        {data.rows.map((s) => (
          <tr key={s.id} data-testid="supervision-row">
            <th scope="row">
              <Link href={`/supervisions/${s.id}`}>{s.number}</Link>
            </th>
            <td>{s.unit}</td>
            <td>
              {tReason(s.reason)}
              {s.period && (
                <span className="small muted"> · {locale === "en" ? (s.periodEn ?? s.period) : s.period}</span>
              )}
            </td>
            <td>{s.itemCount}</td>
            <td>{s.issuedOn}</td>
            <td>{s.acknowledgeBy}</td>
            <td>{s.replyBy}</td>
            <td data-testid="supervision-state">{stateOf(s)}</td>
          </tr>
        ))}
      </DataTable>
      {data.rows.length >= SUPERVISION_LIST_LIMIT && (
        <p className="small muted">{t("limited", { limit: SUPERVISION_LIST_LIMIT })}</p>
      )}
      <section className="card stack" aria-labelledby="unit-record">
        <h2 id="unit-record">{data.record ? tUnit("heading", { unit: data.record.unit }) : tUnit("title")}</h2>
        {!data.own && (
          <form method="get" action="/supervisions" className="inline">
            <label htmlFor="record-unit">{tUnit("choose")}</label>{" "}
            <select id="record-unit" name="unit" defaultValue={data.record?.unitId ?? ""}>
              <option value="" disabled>
                —
              </option>
              <Options items={data.units} value={(u) => u.id} label={(u) => u.name} />
            </select>{" "}
            <button type="submit">{tUnit("show")}</button>
          </form>
        )}
        {data.record && (
          <ChaseRecord events={data.record.events} limit={CHASE_RECORD_LIMIT} testId="unit-chase-record" />
        )}
      </section>
    </section>
  );
}
