"use server";
// The background job queue (/admin/jobs, administrators): retry a failed job. The write and its audit_log row
// share one transaction (lib/writes/jobs.ts).
import { revalidatePath } from "next/cache";
import { authorizeForm } from "../auth/authorize";
import { db } from "../db";
import { type ActionResult } from "../forms/result";
import { retryJobSchema } from "../validations/jobs";
import { toFailure } from "../writes/failure";
import { retryJob as writeRetry } from "../writes/jobs";

/** A failed job (or one waiting for its next attempt) runs again now, its attempts counted from zero. */
export async function retryJob(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("jobs:manage", retryJobSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    await writeRetry(db(), guard.user.id, guard.input.jobId);
  } catch (error) {
    return toFailure(error);
  }
  revalidatePath("/admin/jobs");
  revalidatePath("/admin/audit");
  return { ok: true, message: "jobs.retryDone" };
}
