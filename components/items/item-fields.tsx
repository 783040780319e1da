import { getFormatter, getTranslations } from "next-intl/server";
import { ConfidenceBadge, StatusBadge } from "@/components/ui/badges";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { ItemDetail } from "@/lib/data/items";
import type { Side } from "@/lib/generated/prisma/enums";

const DAY = 86_400_000;

export async function ItemFields({ item }: { item: ItemDetail }) {
  const [t, tSide, format] = await Promise.all([getTranslations("item"), getTranslations("side"), getFormatter()]);
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : <span className="muted">{t("noValue")}</span>);
  const unit = (u: { name: string; side: Side } | null) =>
    u ? `${u.name}（${tSide(u.side)}）` : <span className="muted">{t("noValue")}</span>;
  const slippage =
    item.dueDate && item.originalDueDate ? Math.round((item.dueDate.getTime() - item.originalDueDate.getTime()) / DAY) : 0;
  return (
    <dl className="fields">
      <dt>{t("status")}</dt>
      <dd>
        <StatusBadge status={item.status} /> <ConfidenceBadge confidence={item.confidence} />
      </dd>
      <dt>{t("progress")}</dt>
      <dd>{item.progress === null ? <span className="muted">{t("noValue")}</span> : <ProgressBar value={item.progress} label={t("progress")} />}</dd>
      <dt>{t("leadUnit")}</dt>
      <dd>{unit(item.leadUnit)}</dd>
      <dt>{t("coLeadUnit")}</dt>
      <dd>{unit(item.coLeadUnit)}</dd>
      <dt>{t("supportingUnits")}</dt>
      <dd>
        {item.supportingUnits.length ? item.supportingUnits.map((s) => s.unit.name).join("、") : <span className="muted">{t("noValue")}</span>}
      </dd>
      <dt>{t("responsiblePerson")}</dt>
      <dd>{item.responsiblePerson ?? <span className="muted">{t("noValue")}</span>}</dd>
      <dt>{t("startDate")}</dt>
      <dd>{date(item.startDate)}</dd>
      <dt>{t("dueDate")}</dt>
      <dd>
        {date(item.dueDate)}
        {slippage > 0 && <span className="badge badge--AMBER" style={{ marginLeft: ".5rem" }}>{t("slippage", { days: slippage })}</span>}
      </dd>
      <dt>{t("originalDueDate")}</dt>
      <dd>{date(item.originalDueDate)}</dd>
      <dt>{t("lastUpdate")}</dt>
      <dd>
        {item.lastUpdateAt ? (
          <time dateTime={item.lastUpdateAt.toISOString()}>{format.dateTime(item.lastUpdateAt, { dateStyle: "medium" })}</time>
        ) : (
          <span className="muted">{t("noValue")}</span>
        )}
      </dd>
      <dt>{t("weight")}</dt>
      <dd>{item.weight}</dd>
      <dt>{t("regions")}</dt>
      <dd>{item.regions.length ? item.regions.map((r) => r.region.name).join("、") : <span className="muted">{t("noValue")}</span>}</dd>
      <dt>{t("conferences")}</dt>
      <dd>
        {item.conferences.length ? (
          <ul className="plain">
            {item.conferences.map(({ conference: c }) => (
              <li key={c.number}>
                {format.dateTime(c.date, { dateStyle: "medium", timeZone: "UTC" })} {c.theme}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t("noValue")}</span>
        )}
      </dd>
    </dl>
  );
}
