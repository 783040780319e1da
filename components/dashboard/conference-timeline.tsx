import { getTranslations } from "next-intl/server";
import { getConferenceTimeline } from "@/lib/data/dashboard";
import type { AsOfSelection } from "@/lib/as-of-selection";
import { isoDay } from "@/lib/dates";
import { ConferenceList } from "./conference-list";
import { Widget } from "./widget";

/** A figure as the list shows it (one decimal), rounded here: the list is a client leaf taking compact rows. */
const oneDecimal = (v: number | null) => (v === null ? null : Number(v.toFixed(1)));

export async function ConferenceTimelinePanel({ selection }: { selection: AsOfSelection }) {
  const [conferences, t] = await Promise.all([getConferenceTimeline(selection), getTranslations("dashboard")]);
  return (
    <Widget id="conferences" title={t("conferences.heading")} wide>
      {conferences.length === 0 ? (
        <p>{t("conferences.empty")}</p>
      ) : (
        <ConferenceList
          rows={conferences.map((c) => [c.number, isoDay(c.date)!, c.theme, c.items, oneDecimal(c.progress)])}
          asOf={selection.asOf}
          // the placeholders are filled in per conference by the list
          text={{
            number: t("conferences.number", { number: "{number}" }),
            items: t("conferences.items", { count: "{count}" }),
            viewItems: t("conferences.viewItems", { number: "{number}" }),
            none: t("noValue"),
          }}
        />
      )}
    </Widget>
  );
}
