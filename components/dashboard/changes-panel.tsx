import { getLocale, getTranslations } from "next-intl/server";
import type { ChangeKind, ItemChange, PortfolioComparison } from "@/lib/queries/compare";
import { getPortfolioChanges } from "@/lib/data/dashboard";
import type { AsOfSelection } from "@/lib/as-of-selection";
import styles from "./dashboard.module.css";
import { withAsOf } from "./format";
import { Widget } from "./widget";
import { ItemLink } from "@/components/ui/item-link";

const SHOWN = 12;
/** Kinds a leader should see first; the rest are ordered by the size of the progress change. */
const SIGNIFICANT: ChangeKind[] = [
  "completed",
  "overdue",
  "statusDowngrade",
  "confidenceDowngrade",
  "dueDate",
  "created",
  "retired",
  "restored",
  "moved",
];
/** The order kinds are listed in: the significant ones, then the rest. */
const KIND_ORDER: ChangeKind[] = [...SIGNIFICANT, "status", "confidence", "progress"];
const rank = (c: ItemChange) => SIGNIFICANT.reduce((n, k) => n + (c.kinds.includes(k) ? 1 : 0), 0);

/** What changed between the comparison day and the as-of day, from lib/queries/compare.ts. */
export async function ChangesPanel({ selection }: { selection: AsOfSelection }) {
  const [comparison, t] = await Promise.all([getPortfolioChanges(selection), getTranslations("dashboard.changes")]);
  if (comparison === null) return null;
  return (
    <ChangesView
      comparison={comparison}
      title={t("heading", { from: comparison.fromDay })}
      summary={t("summary", { from: comparison.fromDay, to: comparison.toDay })}
      itemHref={(code) => withAsOf(`/items/${code}`, selection)}
    />
  );
}

/**
 * A comparison (lib/queries/compare.ts) as the dashboard shows it: counts by kind, then the changed items, most
 * significant first. Also shows two closed periods compared on their frozen states (app/periods/compare).
 */
export async function ChangesView({
  comparison,
  title,
  summary,
  itemHref,
}: {
  comparison: PortfolioComparison;
  title: string;
  summary: string;
  itemHref: (code: string) => string;
}) {
  const [t, tStatus, tConfidence, locale] = await Promise.all([
    getTranslations("dashboard.changes"),
    getTranslations("status"),
    getTranslations("confidence"),
    getLocale(),
  ]);
  const pct = (v: number) => (Math.round(v * 10) / 10).toFixed(1);
  const describe = (c: ItemChange): string[] => {
    const out: string[] = [];
    if (c.kinds.includes("created")) out.push(t("createdChange"));
    if (c.kinds.includes("retired")) out.push(t("retiredChange"));
    if (c.kinds.includes("moved")) out.push(t("movedChange"));
    if (c.kinds.includes("progress") && c.from) {
      const delta = c.progressDelta;
      out.push(
        t("progressChange", {
          from: pct(c.from.progress),
          to: pct(c.to.progress),
          delta: `${delta > 0 ? "+" : ""}${pct(delta)}`,
        }),
      );
    }
    if (c.kinds.includes("status") && c.from)
      out.push(t("statusChange", { from: tStatus(c.from.status), to: tStatus(c.to.status) }));
    if (c.kinds.includes("confidence") && c.from) {
      out.push(
        t("confidenceChange", {
          from: c.from.confidence ? tConfidence(c.from.confidence) : t("noneValue"),
          to: c.to.confidence ? tConfidence(c.to.confidence) : t("noneValue"),
        }),
      );
    }
    if (c.kinds.includes("dueDate")) {
      if (c.dueDateRevisions.length === 0 && c.from)
        out.push(t("dueChange", { from: c.from.dueDate ?? t("noneValue"), to: c.to.dueDate ?? t("noneValue") }));
      for (const r of c.dueDateRevisions) {
        out.push(
          `${t("dueChange", { from: r.from ?? t("noneValue"), to: r.to ?? t("noneValue") })}（${r.reason ? t("reason", { reason: r.reason }) : t("noReason")}）`,
        );
      }
    }
    return out;
  };
  const ordered = [...comparison.changes].sort(
    (a, b) =>
      rank(b) - rank(a) ||
      Math.abs(b.progressDelta) - Math.abs(a.progressDelta) ||
      a.code.localeCompare(b.code, "en", { numeric: true }),
  );
  const table = (rows: ItemChange[]) => (
    <div className={styles.tableWrap}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("item")}</th>
            <th scope="col">{t("what")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} data-testid={`change-${c.code}`}>
              <td>
                <ItemLink item={c} locale={locale} href={itemHref(c.code)} />
                <div className="small muted">
                  {KIND_ORDER.filter((k) => c.kinds.includes(k))
                    .map((k) => t(`kinds.${k}`))
                    .join(" · ")}
                </div>
              </td>
              <td>
                <ul className={styles.changeList}>
                  {describe(c).map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <Widget id="changes" title={title} wide>
      <p className="small muted">{summary}</p>
      {comparison.changes.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <>
          <ul className={styles.kinds} aria-label={t("what")}>
            {KIND_ORDER.filter((k) => comparison.counts[k] > 0).map((k) => (
              <li key={k} data-testid={`changes-count-${k}`}>
                {t(`kinds.${k}`)} <strong>{comparison.counts[k]}</strong>
              </li>
            ))}
          </ul>
          {table(ordered.slice(0, SHOWN))}
          {ordered.length > SHOWN ? (
            <details className={styles.details}>
              <summary>{t("more", { count: ordered.length - SHOWN })}</summary>
              {table(ordered.slice(SHOWN))}
            </details>
          ) : null}
        </>
      )}
    </Widget>
  );
}
