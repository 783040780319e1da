"use server";
// The item page's 指标 forms. Adding, editing and removing an indicator is allowed as editing the item's fields is
// (item:update on the item's units); reporting an actual value as a progress report is (item:post-update); the
// 关键指标 mark is for administrators (indicator:headline). Each is checked again on the locked item row and
// written through changeItem (lib/writes/indicators.ts), so the item's history records it in the same transaction.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { authorizeForm } from "../auth/authorize";
import { db } from "../db";
import type { ActionResult } from "../forms/result";
import type { Prisma } from "../generated/prisma/client";
import type { Actor, Permission } from "../permissions";
import {
  addIndicatorSchema,
  indicatorHeadlineSchema,
  removeIndicatorSchema,
  reportIndicatorValueSchema,
  updateIndicatorSchema,
} from "../validations/indicators";
import { toFailure } from "../writes/failure";
import {
  addIndicator as writeAdd,
  removeIndicator as writeRemove,
  reportIndicatorValue as writeValue,
  setIndicatorHeadline as writeHeadline,
  updateIndicator as writeUpdate,
  type IndicatorWritten,
} from "../writes/indicators";

/** What a saved indicator form continues from: the indicator and its own version. */
export type IndicatorSaved = { indicatorId: number; indicatorVersion: number; changed: number };
export type IndicatorResult = ActionResult<IndicatorSaved>;

/** The guard, the write in one transaction, the pages that show indicators refreshed, and the answer's message. */
async function run<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  formData: FormData,
  write: (tx: Prisma.TransactionClient, actor: Actor, input: z.output<S>) => Promise<IndicatorWritten>,
  saved: string,
): Promise<IndicatorResult> {
  const guard = await authorizeForm(permission, schema, formData);
  if (!guard.ok) return guard.failure;
  try {
    const written = await db().$transaction((tx) => write(tx, guard.user, guard.input));
    const changed = written.changedFields.length;
    if (changed > 0) for (const path of [`/items/${written.code}`, "/"]) revalidatePath(path);
    return {
      ok: true,
      data: { indicatorId: written.indicatorId, indicatorVersion: written.indicatorVersion, changed },
      message: changed === 0 ? "indicators.noChange" : saved,
    };
  } catch (error) {
    return toFailure(error);
  }
}

export async function addIndicator(_prev: IndicatorResult | null, formData: FormData): Promise<IndicatorResult> {
  return run("item:update", addIndicatorSchema, formData, writeAdd, "indicators.saved.added");
}

export async function updateIndicator(_prev: IndicatorResult | null, formData: FormData): Promise<IndicatorResult> {
  return run("item:update", updateIndicatorSchema, formData, writeUpdate, "indicators.saved.updated");
}

export async function removeIndicator(_prev: IndicatorResult | null, formData: FormData): Promise<IndicatorResult> {
  return run("item:update", removeIndicatorSchema, formData, writeRemove, "indicators.saved.removed");
}

export async function reportIndicatorValue(
  _prev: IndicatorResult | null,
  formData: FormData,
): Promise<IndicatorResult> {
  return run("item:post-update", reportIndicatorValueSchema, formData, writeValue, "indicators.saved.value");
}

export async function setIndicatorHeadline(
  _prev: IndicatorResult | null,
  formData: FormData,
): Promise<IndicatorResult> {
  return run("indicator:headline", indicatorHeadlineSchema, formData, writeHeadline, "indicators.saved.headline");
}
