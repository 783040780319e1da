"use client";
// The 考评's weights (administrators, /admin/ratings).
import { useTranslations } from "next-intl";
import { AdminForm } from "@/components/admin/admin-form";
import { NumberField } from "@/components/forms/fields";
import { updateRatingWeights } from "@/lib/actions/ratings";
import { RATING_COMPONENTS, RATING_WEIGHT_RANGE, type RatingWeights } from "@/lib/rating";

export function RatingWeightsForm({ weights }: { weights: RatingWeights }) {
  const t = useTranslations("ratings.settings");
  const tComponent = useTranslations("ratings.component");
  const [min, max] = RATING_WEIGHT_RANGE;
  return (
    <AdminForm action={updateRatingWeights} ids="rating" values={weights} label={t("heading")} submitLabel={t("save")}>
      {RATING_COMPONENTS.map((name) => (
        <NumberField key={name} name={name} label={tComponent(name)} min={min} max={max} required />
      ))}
    </AdminForm>
  );
}
