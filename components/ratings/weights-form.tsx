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
  return (
    <AdminForm
      action={updateRatingWeights}
      label={t("heading")}
      idName="weights"
      idValue={undefined}
      submitLabel={t("save")}
      pendingLabel={t("saving")}
    >
      {(errorsOf) => (
        <>
          {RATING_COMPONENTS.map((name) => (
            <NumberField
              key={name}
              id={`rating-${name}`}
              label={tComponent(name)}
              errors={errorsOf(name)}
              name={name}
              min={RATING_WEIGHT_RANGE[0]}
              max={RATING_WEIGHT_RANGE[1]}
              defaultValue={weights[name]}
              required
            />
          ))}
        </>
      )}
    </AdminForm>
  );
}
