import { getTranslations } from "next-intl/server";
import type { ReportScopeChoices } from "@/lib/data/reports";
import type { ReportScope } from "@/lib/report/types";
import { REPORT_SCOPE_KINDS } from "@/lib/validations/report";
import { SIDES } from "@/lib/validations/browse";
import styles from "./reports.module.css";
import { Options } from "@/components/forms/options";

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
            <Options items={REPORT_SCOPE_KINDS} label={(k) => t(`scopeKinds.${k}`)} />
          </select>
        </label>
        <label className={styles.field}>
          {t("pillar")}
          <select name="pillar" defaultValue={selected.pillar}>
            <option value="">{t("choose")}</option>
            <Options items={choices.pillars} value={(p) => p.number} label={(p) => `${p.number}. ${p.title}`} />
          </select>
        </label>
        <label className={styles.field}>
          {t("unit")}
          <select name="unit" defaultValue={selected.unit}>
            <option value="">{t("choose")}</option>
            <Options items={choices.units} value={(u) => u.id} label={(u) => u.name} />
          </select>
        </label>
        <label className={styles.field}>
          {t("side")}
          <select name="side" defaultValue={selected.side}>
            <option value="">{t("choose")}</option>
            <Options items={SIDES} label={(s) => tRoot(`reports.sides.${s}`)} />
          </select>
        </label>
        <label className={styles.field}>
          {t("region")}
          <select name="region" defaultValue={selected.region}>
            <option value="">{t("choose")}</option>
            <Options items={choices.regions} value={(r) => r.id} label={(r) => r.name} />
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
            <Options items={periods} value={(p) => p.id} label={(p) => p.label} />
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
