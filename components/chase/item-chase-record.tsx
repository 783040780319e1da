// The item page's chase record: the reminders, 催办, 督办 and escalations that named this item.
import { getTranslations } from "next-intl/server";
import { CHASE_RECORD_LIMIT, getItemChaseRecord } from "@/lib/data/chase";
import { ChaseRecord } from "./chase-record";
import { Card } from "@/components/ui/card";

export async function ItemChaseRecord({ itemId }: { itemId: number }) {
  const [events, t] = await Promise.all([getItemChaseRecord(itemId), getTranslations("chase.record")]);
  return (
    <Card id="chase-record" heading={t("title")}>
      <ChaseRecord events={events} limit={CHASE_RECORD_LIMIT} testId="item-chase-record" linkUnits />
    </Card>
  );
}
