import { getTranslations } from "next-intl/server";
import { DOCUMENT_LIMITS, listedItems } from "@/lib/export/report-document";
import type { ReportData, ReportItem } from "@/lib/report/types";
import { chinaTime } from "@/lib/dates";
import { percent } from "./format";
import { PillarIndicators, ReportIndicators } from "./report-indicators";
import { ReportInvestment } from "./report-investment";
import { ReportRatings } from "./report-ratings";
import styles from "./reports.module.css";

/**
 * The print-friendly report, rendered from the same ReportData as every downloaded format. Like the Word and
 * PDF files it lists at most DOCUMENT_LIMITS rows one by one and says where the rest are.
 */
export async function ReportPreview({ data }: { data: ReportData }) {
  const t = await getTranslations("reports.preview");
  const tc = await getTranslations("reports.cols");
  const tRoot = await getTranslations();
  const h = data.headline;
  const status = (s: string) => tRoot(`status.${s}` as never);
  const confidence = (c: string | null) => (c === null ? "—" : tRoot(`confidence.${c}` as never));
  const figures: [string, string | number][] = [
    ["items", h.items],
    ["overall", percent(h.overallProgress)],
    ["completed", h.completed],
    ["onTrack", h.onTrack],
    ["atRisk", h.atRisk],
    ["offTrack", h.offTrack],
    ["overdue", h.overdue],
    ["stale", h.stale],
  ];
  const tDoc = (key: string, values?: Record<string, number | string>) =>
    tRoot(`reportDoc.${key}` as never, values as never);
  // As in the Word and PDF files: a recommendation's progress is rolled up from its actions, and says so.
  const progress = (i: ReportItem) =>
    i.rolledUp ? tDoc("progressRolledUp", { progress: percent(i.progress) }) : percent(i.progress);
  const listed = listedItems(data.items);
  const itemsByPillar = data.pillars.map((p) => ({
    pillar: p,
    items: listed.filter((i) => i.pillarNumber === p.number),
  }));
  const lagging = data.lagging.slice(0, DOCUMENT_LIMITS.lagging);
  const ch = data.changes;
  const entry = (code: string, title: string, rest?: string | null) => (
    <li key={`${code}-${rest ?? ""}`}>
      <strong>{code}</strong> {title}
      {rest ? `（${rest}）` : ""}
    </li>
  );
  const list = (items: React.ReactNode[]) => {
    if (items.length === 0) return <p className="muted">{t("noChanges")}</p>;
    const shown = items.slice(0, DOCUMENT_LIMITS.changeEntries);
    const rest = items.length - shown.length;
    return (
      <ul>
        {shown}
        {rest > 0 && <li className="muted">{tDoc("changesLimited", { rest })}</li>}
      </ul>
    );
  };

  return (
    <article className={styles.report} data-testid="report-preview" lang={data.locale}>
      <h1>{t("title")}</h1>
      {data.sampleData && (
        <p className={styles.subtitle} role="note" data-testid="report-sample">
          {t("sample")}
        </p>
      )}
      <p className={styles.subtitle}>
        {data.period ? (
          <span data-testid="report-as-of-period">
            {t("asOfPeriod", {
              label: data.locale === "en" ? data.period.labelEn : data.period.label,
              at: chinaTime(data.period.closedAt),
            })}
          </span>
        ) : (
          <span>{t("asOf", { date: data.asOf })}</span>
        )}
        <span data-testid="report-scope">{t("scope", { scope: data.scopeLabel })}</span>
        {data.compare && <span>{t("compare", { date: data.compare })}</span>}
        <span>{t("generatedAt", { time: chinaTime(data.generatedAt) })}</span>
      </p>

      <h2>{t("headlineHeading")}</h2>
      <p data-testid="report-headline">
        {t("headline", {
          date: data.asOf,
          scope: data.scopeLabel,
          items: h.items,
          progress: percent(h.overallProgress),
          completed: h.completed,
          onTrack: h.onTrack,
          atRisk: h.atRisk,
          offTrack: h.offTrack,
          overdue: h.overdue,
          stale: h.stale,
        })}
      </p>
      <dl className={styles.figures}>
        {figures.map(([key, value]) => (
          <div key={key}>
            <dt>{tRoot(`reports.headlineRows.${key}` as never)}</dt>
            <dd data-testid={`headline-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>

      <h2>{t("pillarsHeading")}</h2>
      <table data-testid="report-pillars">
        <thead>
          <tr>
            <th>{tc("pillar")}</th>
            <th>{tc("pillarTitle")}</th>
            <th className={styles.num}>{tc("progress")}</th>
            <th className={styles.num}>{tc("items")}</th>
            <th className={styles.num}>{tc("completed")}</th>
            <th className={styles.num}>{tc("overdue")}</th>
          </tr>
        </thead>
        <tbody>
          {data.pillars.map((p) => (
            <tr key={p.number}>
              <td>{p.number}</td>
              <td>{p.title}</td>
              <td className={styles.num}>{percent(p.progress)}</td>
              <td className={styles.num}>{p.items}</td>
              <td className={styles.num}>{p.completed}</td>
              <td className={styles.num}>{p.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ReportInvestment data={data} t={tDoc} />
      <ReportIndicators data={data} t={tDoc} />

      <h2>{t("laggingHeading")}</h2>
      {data.lagging.length === 0 ? (
        <p className="muted">{t("noLagging")}</p>
      ) : (
        <>
          {lagging.length < data.lagging.length && (
            <p className="muted">
              {tDoc("laggingLimited", { shown: lagging.length, rest: data.lagging.length - lagging.length })}
            </p>
          )}
          <ItemTable
            items={lagging}
            t={tc}
            status={status}
            confidence={confidence}
            progress={progress}
            extra={(i) => (i.daysOverdue !== null ? t("daysOverdue", { days: i.daysOverdue }) : "")}
            testId="report-lagging"
          />
        </>
      )}

      <h2>{data.compare ? t("changesHeading", { date: data.compare }) : t("changesHeading", { date: "—" })}</h2>
      {ch === null ? (
        <p className="muted">{t("noCompare")}</p>
      ) : (
        <div data-testid="report-changes">
          <h3>{t("newlyCompleted")}</h3>
          {list(ch.newlyCompleted.map((c) => entry(c.code, c.title, c.leadUnit)))}
          <h3>{t("newlyOverdue")}</h3>
          {list(ch.newlyOverdue.map((c) => entry(c.code, c.title, [c.leadUnit, c.dueDate].filter(Boolean).join("，"))))}
          <h3>{t("downgrades")}</h3>
          {list(
            ch.statusDowngrades.map((c) =>
              entry(
                c.code,
                c.title,
                `${tRoot(`${c.kind}.${c.from}` as never)} → ${tRoot(`${c.kind}.${c.to}` as never)}`,
              ),
            ),
          )}
          <h3>{t("dueDateRevisions")}</h3>
          {list(
            ch.dueDateRevisions.map((c) =>
              entry(
                c.code,
                c.title,
                `${c.from ?? "—"} → ${c.to ?? "—"}；${c.reason ? t("reason", { reason: c.reason }) : t("noReason")}`,
              ),
            ),
          )}
          <h3>{t("progressMoves")}</h3>
          {list(ch.progressMoves.map((c) => entry(c.code, c.title, `${percent(c.from)} → ${percent(c.to)}`)))}
        </div>
      )}

      <ReportRatings data={data} />
      <h2>{t("detailHeading")}</h2>
      {listed.length < data.items.length && (
        <p className="muted" data-testid="report-details-limited">
          {tDoc("detailsLimited", {
            total: data.items.length,
            limit: DOCUMENT_LIMITS.detailRows,
            shown: listed.length,
          })}
        </p>
      )}
      {listed.some((i) => i.rolledUp) && <p className="muted">{tDoc("rolledUpNote", {})}</p>}
      {itemsByPillar.map(({ pillar, items }) => (
        <section key={pillar.number}>
          <h3>
            {pillar.number}. {pillar.title}
          </h3>
          <ItemTable items={items} t={tc} status={status} confidence={confidence} progress={progress} />
          <PillarIndicators data={data} items={items} t={tDoc} />
        </section>
      ))}
    </article>
  );
}

function ItemTable({
  items,
  t,
  status,
  confidence,
  progress,
  extra,
  testId,
}: {
  items: ReportItem[];
  t: (key: string) => string;
  status: (s: string) => string;
  confidence: (c: string | null) => string;
  progress: (i: ReportItem) => string;
  extra?: (i: ReportItem) => string;
  testId?: string;
}) {
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th>{t("code")}</th>
          <th>{t("title")}</th>
          <th>{t("leadUnit")}</th>
          <th>{t("status")}</th>
          <th>{t("confidence")}</th>
          <th className={styles.num}>{t("progress")}</th>
          <th>{t("dueDate")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.code} style={i.level === "RECOMMENDATION" ? { fontWeight: 600 } : undefined}>
            <td>{i.code}</td>
            <td>{i.title}</td>
            <td>{[i.leadUnit, i.coLeadUnit].filter(Boolean).join(" / ")}</td>
            <td>{status(i.status)}</td>
            <td>{confidence(i.confidence)}</td>
            <td className={styles.num}>{progress(i)}</td>
            <td>
              {i.dueDate ?? "—"}
              {extra && extra(i) ? ` ${extra(i)}` : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
