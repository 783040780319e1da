// The typed answer every server action returns, and what its form receives. Messages are catalogue keys
// (translated by the form), so an action never shows a stack trace and every message exists in zh-CN and en.
// Types, failure() and invalid() only: safe for client code to import.
import type { z } from "zod";

export type FailureCode = "unauthenticated" | "forbidden" | "invalid" | "not-found" | "conflict" | "unavailable";

export interface ActionFailure {
  ok: false;
  code: FailureCode;
  /** key in the "actionErrors" namespace, or a more specific key for the form */
  message: string;
  /** per field: message keys (in the "validation" namespace); FORM_ERRORS for what belongs to no field */
  fieldErrors?: Record<string, string[]>;
}

/** Success (with `data` when T is given) or a failure; F adds an action's own details to its failures. */
export type ActionResult<T = undefined, F extends ActionFailure = ActionFailure> =
  ({ ok: true; message?: string } & (T extends undefined ? { data?: undefined } : { data: T })) | F;

/** What a form holds: the last answer, or null before the first submit. */
export type FormState<T = undefined, F extends ActionFailure = ActionFailure> = ActionResult<T, F> | null;

/** The fieldErrors key of a problem that belongs to the whole form rather than one field. */
export const FORM_ERRORS = "_form";

export function failure(
  code: FailureCode,
  message: string = `actionErrors.${code}`,
  fieldErrors?: Record<string, string[]>,
): ActionFailure {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

/** zod issues → { field: [message keys] }: first-level path, duplicates dropped, form-wide under FORM_ERRORS. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : FORM_ERRORS;
    const list = (out[key] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return out;
}

/** The answer to input that fails its schema: each problem next to its field. */
export function invalid(error: z.ZodError): ActionFailure {
  return failure("invalid", "actionErrors.invalid", fieldErrorsOf(error));
}
