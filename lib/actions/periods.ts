"use server";
// Reporting periods: closing one early (coordinators, administrators), the cycle's settings and custom periods
// (administrators). Each write and its audit_log row share one transaction (lib/writes).
import { revalidatePath } from "next/cache";
import { authorizeForm } from "../auth/authorize";
import { now } from "../clock";
import { db } from "../db";
import { DocumentRenderError } from "../export/document-thread";
import { renderBulletin } from "../export/bulletin";
import { failure, type ActionResult } from "../forms/result";
import { closePeriodSchema, customPeriodSchema, cycleSettingsSchema } from "../validations/periods";
import { toFailure } from "../writes/failure";
import { closePeriod } from "../writes/period-close";
import {
  createCustomPeriod as writeCustomPeriod,
  updateCycleSettings as writeSettings,
} from "../writes/period-settings";
import { logger } from "../log";

function revalidatePeriods(periodId?: number) {
  revalidatePath("/periods");
  if (periodId !== undefined) revalidatePath(`/periods/${periodId}`);
  revalidatePath("/admin/cycle");
  revalidatePath("/admin/audit");
}

/** 提前关闭: freezes the period now and makes its 情况通报. */
export async function closePeriodEarly(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("period:manage", closePeriodSchema, formData);
  if (!guard.ok) return guard.failure;
  const { periodId } = guard.input;
  try {
    const result = await closePeriod(db(), periodId, {
      actorId: guard.user.id,
      now: now(),
      early: true,
      render: renderBulletin,
    });
    if (!result.closed) {
      revalidatePeriods(periodId);
      switch (result.reason) {
        case "not-found":
          return failure("not-found", "periods.errors.notFoundPeriod");
        case "already-closed":
          return failure("conflict", "periods.errors.alreadyClosed");
        case "not-open":
        case "not-due":
          return failure("invalid", "periods.errors.notOpen");
      }
    }
  } catch (error) {
    if (error instanceof DocumentRenderError) {
      logger().error({ reason: error.message }, "period bulletin failed");
      return failure("unavailable", "periods.errors.renderFailed");
    }
    return toFailure(error);
  }
  revalidatePeriods(periodId);
  return { ok: true, message: "periods.close.done" };
}

export async function updateCycleSettings(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("cycle:configure", cycleSettingsSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    await writeSettings(db(), guard.user.id, guard.input);
  } catch (error) {
    return toFailure(error);
  }
  revalidatePeriods();
  return { ok: true, message: "periods.settings.saved" };
}

export async function createCustomPeriod(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("period:manage", customPeriodSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    await writeCustomPeriod(db(), guard.user.id, guard.input, now());
  } catch (error) {
    return toFailure(error, { opens_on: ["opensOn", "periods.validation.overlap"] });
  }
  revalidatePeriods();
  return { ok: true, message: "periods.settings.created" };
}
