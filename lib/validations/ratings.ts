// The 考评's weights form and the ratings page's query parameters. Messages are catalogue keys.
import { z } from "zod";
import { RATING_COMPONENTS, RATING_WEIGHT_RANGE } from "../rating";
import { idField } from "./id";

/** A whole number in the weights' range, decimal digits only ("0x10", "1e1", "-1", "12.5" are refused). */
const weight = z
  .string("validation.required")
  .trim()
  .regex(/^\d{1,3}$/, "ratings.validation.weight")
  .transform(Number)
  .refine((n) => n >= RATING_WEIGHT_RANGE[0] && n <= RATING_WEIGHT_RANGE[1], { message: "ratings.validation.weight" });

export const ratingWeightsSchema = z
  .object({ onTime: weight, firstPass: weight, overdue: weight, supervision: weight })
  .superRefine((w, ctx) => {
    if (RATING_COMPONENTS.every((k) => w[k] === 0))
      ctx.addIssue({ code: "custom", path: ["onTime"], message: "ratings.validation.allZero" });
  });
export type RatingWeightsInput = z.infer<typeof ratingWeightsSchema>;

/** /ratings?period=ID&unit=ID: an unreadable value is ignored (the latest closed period; no unit's records). */
export const ratingsPageParamsSchema = z.object({
  period: idField.optional().catch(undefined),
  unit: idField.optional().catch(undefined),
});
export type RatingsPageParams = z.infer<typeof ratingsPageParamsSchema>;

/** The dashboard's ?ratingPeriod=ID; unreadable: the latest closed period. */
export const dashboardRatingParamsSchema = z.object({ ratingPeriod: idField.optional().catch(undefined) });
