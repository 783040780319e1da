import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { PillarNode } from "@/lib/queries/pillar-tree";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import type { AsOfSelection } from "@/lib/as-of-selection";
import type { TreeSection } from "@/lib/pillar-pages";
import { itemHref } from "./items-table";
import { DueCell, StatusCells } from "./status-cells";
import styles from "./browse.module.css";
import { titleIn } from "@/lib/i18n/localized";

/** The change column of a row when comparing: progress delta and status change, or "new". */
async function Change({ row }: { row: PillarNode }) {
  const [t, tStatus] = await Promise.all([getTranslations("browse"), getTranslations("status")]);
  if (!row.compareExists) return <>{t("newItem")}</>;
  const delta = row.progress === null ? null : Math.round(row.progress) - Math.round(row.compareProgress ?? 0);
  const parts: React.ReactNode[] = [];
  if (delta !== null && delta !== 0)
    parts.push(
      <span key="p" className={delta > 0 ? styles.up : styles.down}>
        {delta > 0 ? "+" : ""}
        {delta}%
      </span>,
    );
  if (row.compareStatus !== row.status)
    parts.push(
      <span key="s">{`${tStatus(row.compareStatus as ItemStatus)} → ${tStatus(row.status as ItemStatus)}`}</span>,
    );
  return parts.length ? (
    <span className={styles.sub}>{parts.map((p, i) => [i > 0 ? " · " : null, p])}</span>
  ) : (
    <>{t("noChange")}</>
  );
}

/**
 * One recommendation and the actions of it on this page (`section`, lib/pillar-pages.ts): a paged pillar shows
 * a long recommendation over several pages, its heading and its own row on each, marked as continued.
 */
export async function RecommendationSection({
  section,
  asOf,
}: {
  section: TreeSection<PillarNode>;
  asOf: AsOfSelection;
}) {
  const { rec, children } = section;
  const [t, tp, tSide, format, locale] = await Promise.all([
    getTranslations("browse"),
    getTranslations("pillarPage"),
    getTranslations("side"),
    getFormatter(),
    getLocale(),
  ]);
  const comparing = asOf.compare !== null;
  const title = (r: PillarNode) => titleIn(r, locale);
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : t("notSet"));
  const row = (r: PillarNode, isRec: boolean) => (
    <tr key={r.id} data-code={r.code} data-progress={r.progress ?? ""}>
      {isRec ? (
        <th scope="row" className={styles.code}>
          {r.code}
        </th>
      ) : (
        <td className={styles.code}>{r.code}</td>
      )}
      <td className={styles.titleCell}>
        <Link href={itemHref(r.code, asOf)}>{title(r)}</Link>
      </td>
      <td className={styles.unitCell}>
        {r.leadUnitName ?? t("notSet")}
        {r.leadUnitSide && <span className={styles.sub}>{tSide(r.leadUnitSide as never)}</span>}
      </td>
      <StatusCells row={r} progressLabel={`${r.code} ${t("columns.progress")}`} notSet={t("notSet")} />
      <DueCell due={day(r.dueDate)} light={r.light} />
      <td>{r.overdue && <span className={`${styles.flag} ${styles.overdue}`}>{t("overdueFlag")}</span>}</td>
      {comparing && (
        <td data-testid="row-change">
          <Change row={r} />
        </td>
      )}
    </tr>
  );
  return (
    <section
      id={`rec-${rec.code}`}
      className="card"
      aria-labelledby={`rec-${rec.code}-title`}
      data-testid="recommendation"
    >
      <h3 id={`rec-${rec.code}-title`}>
        {rec.code} {title(rec)}
      </h3>
      <p className="small muted">
        {tp("actionCount", { count: rec.children.length })}
        {section.continued || section.continues
          ? ` · ${tp("showing", { from: section.from + 1, to: section.from + children.length })}`
          : null}
      </p>
      <div
        className={styles.scroller}
        role="region"
        aria-label={tp("tableLabel", { title: `${rec.code} ${title(rec)}` })}
        tabIndex={0}
      >
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t("columns.code")}</th>
              <th scope="col">{t("columns.title")}</th>
              <th scope="col">{t("columns.lead")}</th>
              <th scope="col">{t("columns.status")}</th>
              <th scope="col">{t("columns.progress")}</th>
              <th scope="col">{t("columns.due")}</th>
              <th scope="col">{t("columns.flags")}</th>
              {comparing && <th scope="col">{tp("change")}</th>}
            </tr>
          </thead>
          <tbody>
            {row(rec, true)}
            {children.map((c) => row(c, false))}
          </tbody>
        </table>
      </div>
      {rec.children.length === 0 && <p className="muted">{tp("noActions")}</p>}
    </section>
  );
}
