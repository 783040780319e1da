import { getFormatter, getTranslations } from "next-intl/server";
import { ConfidenceBadge, StatusBadge } from "@/components/ui/badges";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { ItemView, UnitRef } from "@/lib/queries/item-view";
import type { ItemLightView } from "@/lib/data/items";
import { LightBadge } from "@/components/ui/light-badge";
import type { Confidence, ItemStatus } from "@/lib/generated/prisma/enums";
import { dayFormatter } from "./format";
import styles from "./item.module.css";

export async function ItemFields({ item, lights }: { item: ItemView; lights: ItemLightView }) {
  const [t, tSide, format, day, tLights] = await Promise.all([
    getTranslations("item"),
    getTranslations("side"),
    getFormatter(),
    dayFormatter(),
    getTranslations("lights"),
  ]);
  const none = <span className="muted">{t("noValue")}</span>;
  const unit = (u: UnitRef | null) => (u ? t("unitWithSide", { name: u.name, side: tSide(u.side as never) }) : none);
  const list = (units: UnitRef[]) => (units.length ? units.map((u) => unit(u)).join("、") : none);
  return (
    <dl className="fields" data-testid="item-fields">
      <dt>{t("status")}</dt>
      <dd data-testid="item-status" data-status={item.status}>
        <StatusBadge status={item.status as ItemStatus} />{" "}
        <ConfidenceBadge confidence={item.confidence as Confidence | null} />
        {item.retired && <span className={`badge badge--CANCELLED ${styles.gap}`}>{t("retired")}</span>}
      </dd>
      <dt>{t("progress")}</dt>
      <dd data-testid="item-progress" data-progress={item.progress ?? ""}>
        {item.progress === null ? none : <ProgressBar value={Math.round(item.progress)} label={t("progress")} />}
        {item.hasChildren && <span className="small muted">{t("rolledUp")}</span>}
      </dd>
      <dt>{t("leadUnit")}</dt>
      <dd>{unit(item.leadUnit)}</dd>
      <dt>{t("coLeadUnit")}</dt>
      <dd>{unit(item.coLeadUnit)}</dd>
      <dt>{t("supportingUnits")}</dt>
      <dd>{list(item.supportingUnits)}</dd>
      <dt>{t("responsiblePerson")}</dt>
      <dd>{item.responsiblePerson ?? none}</dd>
      <dt>{t("startDate")}</dt>
      <dd>{day(item.startDate)}</dd>
      <dt>{t("dueDate")}</dt>
      <dd data-testid="item-due">
        {day(item.dueDate)}
        {item.slippageDays > 0 && (
          <span className={`badge badge--AMBER ${styles.gap}`}>{t("slippage", { days: item.slippageDays })}</span>
        )}
      </dd>
      <dt>{tLights("label")}</dt>
      <dd data-testid="item-light" data-light={lights.light ?? ""}>
        {lights.light ? <LightBadge light={lights.light} /> : <span className="muted">{tLights("none")}</span>}
        {lights.light === "GREEN" && lights.amberFrom && (
          <span className={`small muted ${styles.gap}`}>{tLights("amberFrom", { date: lights.amberFrom })}</span>
        )}
        <span className={`small muted ${styles.lightRule}`}>{tLights("rule", { days: lights.workdays })}</span>
      </dd>
      <dt>{t("originalDueDate")}</dt>
      <dd>{day(item.originalDueDate)}</dd>
      <dt>{t("lastUpdate")}</dt>
      <dd>
        {item.lastUpdateAt ? (
          <time dateTime={item.lastUpdateAt}>
            {format.dateTime(new Date(item.lastUpdateAt), { dateStyle: "medium" })}
          </time>
        ) : (
          none
        )}
      </dd>
      <dt>{t("weight")}</dt>
      <dd>{item.weight}</dd>
      <dt>{t("regions")}</dt>
      <dd>{list(item.regions)}</dd>
      <dt>{t("conferences")}</dt>
      <dd>
        {item.conferences.length ? (
          <ul className="plain">
            {item.conferences.map((c) => (
              <li key={c.number}>
                {format.dateTime(c.date, { dateStyle: "medium", timeZone: "UTC" })} {c.theme}
              </li>
            ))}
          </ul>
        ) : (
          none
        )}
      </dd>
    </dl>
  );
}
