"use server";
// Personal access tokens of the open API: created by a signed-in user on /account/tokens (shown once),
// revoked there by their owner or on /admin/tokens by an administrator. Audited in lib/writes/api-tokens.ts.
import { revalidatePath } from "next/cache";
import { authorizeForm } from "../auth/authorize";
import { now } from "../clock";
import { db } from "../db";
import type { ActionResult } from "../forms/result";
import { tokenCreateSchema, tokenRevokeSchema } from "../validations/api-tokens";
import { createApiToken, revokeApiToken } from "../writes/api-tokens";
import { toFailure } from "../writes/failure";

export interface NewToken {
  name: string;
  token: string;
  prefix: string;
}

export async function createToken(
  _prev: ActionResult<NewToken> | null,
  formData: FormData,
): Promise<ActionResult<NewToken>> {
  const guard = await authorizeForm("account:self", tokenCreateSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    const made = await db().$transaction((tx) => createApiToken(tx, guard.user, guard.input, now()));
    revalidatePath("/account/tokens");
    revalidatePath("/admin/tokens");
    return { ok: true, data: { name: made.name, token: made.token, prefix: made.prefix } };
  } catch (error) {
    return toFailure(error);
  }
}

export async function revokeToken(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("account:self", tokenRevokeSchema, formData);
  if (!guard.ok) return guard.failure;
  try {
    await db().$transaction((tx) => revokeApiToken(tx, guard.user, guard.input.tokenId, now()));
  } catch (error) {
    return toFailure(error);
  }
  revalidatePath("/account/tokens");
  revalidatePath("/admin/tokens");
  revalidatePath("/admin/audit");
  return { ok: true, message: "api.tokens.revokedDone" };
}
