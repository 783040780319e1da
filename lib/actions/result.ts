// The typed answer every server action returns. Messages are catalogue keys (translated by the form), so an
// action never shows a stack trace and every message exists in zh-CN and en.
import "server-only";
import { getCurrentUser, type SessionUser } from "../auth/session";
import { isDatabaseUnavailable } from "../db-errors";
import { can, type Permission, type UnitScope } from "../permissions";

export type FailureCode = "unauthenticated" | "forbidden" | "invalid" | "not-found" | "conflict" | "unavailable";

export interface ActionFailure {
  ok: false;
  code: FailureCode;
  /** key in the "actionErrors" namespace, or a more specific key for the form */
  message: string;
  /** per field: message keys (in the "validation" namespace) */
  fieldErrors?: Record<string, string[]>;
}

export type ActionResult<T = undefined> =
  ({ ok: true; message?: string } & (T extends undefined ? { data?: undefined } : { data: T })) | ActionFailure;

export function failure(
  code: FailureCode,
  message: string = `actionErrors.${code}`,
  fieldErrors?: Record<string, string[]>,
): ActionFailure {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

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
