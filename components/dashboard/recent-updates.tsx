import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TIME_ZONE } from "@/lib/dates";
import { getRecentUpdates } from "@/lib/data/dashboard";
import type { AsOfSelection } from "@/lib/as-of-selection";
import { titleIn } from "@/lib/i18n/localized";
import { ITEM_STATUSES } from "@/lib/status";
import { CONFIDENCES } from "@/lib/validations/browse";
import { withAsOf } from "./format";
import { UpdatesFeed } from "./updates-feed";
import { Widget } from "./widget";

export async function RecentUpdatesPanel({ selection }: { selection: AsOfSelection }) {
  const [updates, t, tStatus, tConfidence, format, locale] = await Promise.all([
    getRecentUpdates(selection),
    getTranslations("dashboard"),
    getTranslations("status"),
    getTranslations("confidence"),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <Widget id="updates" title={t("updates.heading")} wide>
      {updates.length === 0 ? (
        <p>{t("updates.empty")}</p>
      ) : (
        <UpdatesFeed
          rows={updates.map((u) => [
            u.id,
            u.createdAt.toISOString(),
            format.dateTime(u.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE }),
            u.unitName ?? t("updates.noUnit"),
            u.code,
            titleIn(u, locale),
            withAsOf(`/items/${u.code}`, selection),
            u.status,
            u.confidence,
            u.progress,
            u.note.length > 140 ? `${u.note.slice(0, 140)}…` : u.note,
          ])}
          badges={{
            ...Object.fromEntries(ITEM_STATUSES.map((k) => [k, tStatus(k)])),
            ...Object.fromEntries(CONFIDENCES.map((k) => [k, tConfidence(k)])),
          }}
        />
      )}
    </Widget>
  );
}
