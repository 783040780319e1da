// The guard every server action starts with: who is asking, and may they do this at all.
import "server-only";
import type { z } from "zod";
import { isDatabaseUnavailable } from "../db-errors";
import { formFields } from "../forms/form-data";
import { failure, invalid, type ActionFailure } from "../forms/result";
import { can, type Permission, type UnitScope } from "../permissions";
import { getCurrentUser, type SessionUser } from "./session";

/**
 * The first line of every server action. Unlike requireUser() it never redirects: a form whose session
 * expired keeps what the person typed and says so.
 */
export async function authorizeAction(
  permission: Permission,
  scope?: UnitScope,
): Promise<{ ok: true; user: SessionUser } | { ok: false; failure: ActionFailure }> {
  let user: SessionUser | null;
  try {
    user = await getCurrentUser();
  } catch (error) {
    // Reading the user is every action's first database query: with the database down, answer
    // "unavailable" (the form keeps its input) instead of letting the action fail with an HTTP 500.
    if (isDatabaseUnavailable(error)) return { ok: false, failure: failure("unavailable") };
    throw error;
  }
  if (!user) return { ok: false, failure: failure("unauthenticated") };
  if (!can(user, permission, scope)) return { ok: false, failure: failure("forbidden") };
  return { ok: true, user };
}

/**
 * The first lines of a form's server action: authorizeAction, then the form (formFields, `arrayKeys` as arrays)
 * parsed by its zod schema. Answers the user and the parsed input, or the failure to return as it is (a
 * refused user, or "invalid" with each problem next to its field).
 */
export async function authorizeForm<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  formData: FormData,
  arrayKeys?: readonly string[],
): Promise<{ ok: true; user: SessionUser; input: z.output<S> } | { ok: false; failure: ActionFailure }> {
  const guard = await authorizeAction(permission);
  if (!guard.ok) return guard;
  const parsed = schema.safeParse(formFields(formData, arrayKeys));
  if (!parsed.success) return { ok: false, failure: invalid(parsed.error) };
  return { ok: true, user: guard.user, input: parsed.data };
}
