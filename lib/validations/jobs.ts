// The /admin/jobs forms. Messages are catalogue keys.
import { z } from "zod";

/** A job id (graphile_worker's ids are bigint; any id JavaScript holds exactly). */
const jobId = z.coerce
  .number("validation.unknownId")
  .int("validation.unknownId")
  .positive("validation.unknownId")
  .max(Number.MAX_SAFE_INTEGER, "validation.unknownId");

export const retryJobSchema = z.object({ jobId });
export type RetryJobInput = z.infer<typeof retryJobSchema>;
