import { getTranslations } from "next-intl/server";
import type { ReportScopeChoices } from "@/lib/data/reports";
import type { ReportScope } from "@/lib/report/types";
import { REPORT_SCOPE_KINDS } from "@/lib/validations/report";
import { SIDES } from "@/lib/validations/browse";
import styles from "./reports.module.css";

/**
 * The report settings as a plain GET form (works without JavaScript): the scope kind plus one select per kind
 * (the parser reads the one the kind names), the two dates, and the items list's filters when it came from there.
 */
export async function ReportForm({
  choices,
  scope,
  asOf,
  compare,
  today,
  periods,
  period,
}: {
  choices: ReportScopeChoices;
  scope: ReportScope;
  asOf: string;
  compare: string;
  today: string;
  /** the closed reporting periods, latest first */
  periods: { id: number; label: string }[];
  /** the chosen period's id, or "" */
  period: string;
}) {
  const t = await getTranslations("reports.form");
  const tRoot = await getTranslations();
  const selected = {
    pillar: scope.kind === "pillar" ? String(scope.pillarNumber) : "",
    unit: scope.kind === "unit" ? String(scope.unitId) : "",
    side: scope.kind === "side" ? scope.side : "",
    region: scope.kind === "region" ? String(scope.regionId) : "",
  };
  return (
    <form method="get" action="/reports" className={styles.noPrint} data-testid="report-form">
      <fieldset className={styles.form}>
        <legend>{t("legend")}</legend>
        <label className={styles.field}>
          {t("scope")}
          <select name="scope" defaultValue={scope.kind}>
            {REPORT_SCOPE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`scopeKinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          {t("pillar")}
          <select name="pillar" defaultValue={selected.pillar}>
            <option value="">{t("choose")}</option>
            {choices.pillars.map((p) => (
              <option key={p.number} value={p.number}>
                {p.number}. {p.title}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          {t("unit")}
          <select name="unit" defaultValue={selected.unit}>
            <option value="">{t("choose")}</option>
            {choices.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          {t("side")}
          <select name="side" defaultValue={selected.side}>
            <option value="">{t("choose")}</option>
            {SIDES.map((s) => (
              <option key={s} value={s}>
                {tRoot(`reports.sides.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          {t("region")}
          <select name="region" defaultValue={selected.region}>
            <option value="">{t("choose")}</option>
            {choices.regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        {scope.kind === "filters" && (
          <label className={styles.field}>
            {t("filters")}
            <input name="filters" defaultValue={scope.search} readOnly />
          </label>
        )}
        <label className={styles.field}>
          {t("asOf")}
          <input type="date" name="asOf" defaultValue={asOf} max={today} required />
        </label>
        <label className={styles.field}>
          {t("period")}
          <select name="period" defaultValue={period} aria-describedby="report-period-hint">
            <option value="">{t("noPeriod")}</option>
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          <span id="report-period-hint" className="small muted">
            {t("periodHint")}
          </span>
        </label>
        <label className={styles.field}>
          {t("compare")}
          <input type="date" name="compare" defaultValue={compare} max={today} />
        </label>
        <div className={styles.actions}>
          <button type="submit">{t("preview")}</button>
        </div>
      </fieldset>
    </form>
  );
}
