"use server";
// The item page's investment form: 总投资, the two sides' shares of a joint project and one year's 计划投资 and
// 完成投资. Allowed as editing the item's fields is (item:update on the item's units, re-checked on the locked
// row); written through changeItem (lib/writes/investment.ts), so the item's history records the figures in the
// same transaction; a form loaded at an older version is answered "conflict" with what changed meanwhile.
import { revalidatePath } from "next/cache";
import { authorizeForm } from "../auth/authorize";
import { db } from "../db";
import { failure } from "../forms/result";
import { investmentFormSchema } from "../validations/investment";
import { describeChangesSince } from "../writes/conflict";
import { toFailure } from "../writes/failure";
import { VersionConflictError } from "../writes/item-change";
import { setInvestment } from "../writes/investment";
import type { ItemFormState, ItemWriteFailure, ItemWriteResult } from "./items";

export type InvestmentSaved = { code: string; version: number; changed: number };

export async function updateInvestment(
  _prev: ItemFormState<InvestmentSaved>,
  formData: FormData,
): Promise<ItemWriteResult<InvestmentSaved>> {
  const guard = await authorizeForm("item:update", investmentFormSchema, formData);
  if (!guard.ok) return guard.failure;
  const input = guard.input;
  try {
    const written = await db().$transaction((tx) => setInvestment(tx, guard.user, input));
    for (const path of [`/items/${written.code}`, `/items/${written.code}/edit`, "/investment"]) revalidatePath(path);
    const changed = written.changedFields.length;
    return {
      ok: true,
      data: { code: written.code, version: written.version, changed },
      message: changed === 0 ? "editing.edit.noChange" : "investment.form.saved",
    };
  } catch (error) {
    if (error instanceof VersionConflictError)
      return {
        ...failure("conflict"),
        conflict: await describeChangesSince(db(), input.itemId, input.expectedVersion),
      };
    return toFailure<ItemWriteFailure>(error);
  }
}
