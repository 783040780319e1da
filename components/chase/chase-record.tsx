// The chase record (催办督办记录): every reminder, 催办, 督办 and escalation about an item, a unit or a 督办 — what,
// to which unit, when, to whom (read or not), and whether the 督办 was acknowledged and answered. A server
// component over rows already read by lib/data/chase.ts.
import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataTable, headings } from "@/components/ui/data-table";
import type { ChaseEventRow } from "@/lib/data/chase";

export async function ChaseRecord({
  events,
  limit,
  testId = "chase-record",
  linkUnits = false,
}: {
  events: (ChaseEventRow & { mayOpen?: boolean })[];
  limit: number;
  testId?: string;
  /** link each unit to its record on /supervisions (for readers who may open it) */
  linkUnits?: boolean;
}) {
  const [t, tKind, format, locale] = await Promise.all([
    getTranslations("chase.record"),
    getTranslations("chase.kind"),
    getFormatter(),
    getLocale(),
  ]);
  if (events.length === 0) return <p className="muted">{t("none")}</p>;
  const at = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <DataTable
        testId={testId}
        scroll
        columns={headings(t, ["kind", "unit", "about", "dueOn", "at", "to", "outcome"])}
      >
        {events.map((e) => {
          const period = locale === "en" ? (e.periodEn ?? e.period) : e.period;
          const about =
            e.supervisionNumber !== null ? (
              e.mayOpen === false ? (
                e.supervisionNumber
              ) : (
                <Link href={`/supervisions/${e.supervisionId}`}>{e.supervisionNumber}</Link>
              )
            ) : e.periodId !== null ? (
              <Link href={`/periods/${e.periodId}?show=missing&unit=${e.unitId}`}>{period}</Link>
            ) : null;
          const outcome =
            e.supervisionId === null
              ? ""
              : e.answeredAt !== null
                ? `${t("answered")} ${at(e.answeredAt)}`
                : e.acknowledgedAt !== null
                  ? `${t("acknowledged")} ${at(e.acknowledgedAt)}`
                  : t("pending");
          return (
            <tr key={e.id} data-testid="chase-event" data-kind={e.kind}>
              <td>{tKind(e.kind)}</td>
              <td>{linkUnits ? <Link href={`/supervisions?unit=${e.unitId}`}>{e.unit}</Link> : e.unit}</td>
              <td>{about}</td>
              <td>{e.dueOn}</td>
              <td>{at(e.at)}</td>
              <td>
                {e.recipients.length === 0
                  ? t("nobody")
                  : e.recipients
                      .map((r) => t("recipient", { name: r.name, state: r.readAt ? t("read") : t("unread") }))
                      .join("、")}
              </td>
              <td>{outcome}</td>
            </tr>
          );
        })}
      </DataTable>
      {events.length >= limit && <p className="small muted">{t("limited", { limit })}</p>}
    </>
  );
}
