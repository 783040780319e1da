// An indicator's figures as both the item page and the dashboard's 关键指标 card show them.
import type { getTranslations } from "next-intl/server";
import type { ItemIndicator } from "@/lib/data/indicators";
import { completionShare, formatWithUnit } from "@/lib/indicators";
import styles from "./indicators.module.css";

export type IndicatorsT = Awaited<ReturnType<typeof getTranslations<"indicators">>>;

/** The latest actual value with its day under it, or that none is reported yet. */
export function LatestActual({
  x,
  t,
  day,
}: {
  x: Pick<ItemIndicator, "latest" | "unit">;
  t: IndicatorsT;
  day: (iso: string | null) => string;
}) {
  return x.latest ? (
    <>
      {formatWithUnit(x.latest.actual, x.unit)}
      <br />
      <span className="small muted">{t("actualOn", { day: day(x.latest.observedOn) })}</span>
    </>
  ) : (
    <span className="muted">{t("noActual")}</span>
  );
}

/** 完成度 as text, and a bar of it (hidden from assistive technology: the text says it). */
export function Completion({ x, t }: { x: Pick<ItemIndicator, "completion">; t: IndicatorsT }) {
  return (
    <>
      {x.completion === null ? t("noCompletion") : t("completionValue", { rate: x.completion })}
      <span className={styles.bar} aria-hidden="true">
        <span style={{ width: `${completionShare(x.completion)}%` }} />
      </span>
    </>
  );
}
