// Turning what can go wrong inside a server action's write into the typed failure its form shows. A bug is
// logged, but the person sees "try again" rather than an HTTP 500 or a stack trace, and keeps what they typed.
import { Prisma } from "../generated/prisma/client";
import { isDatabaseUnavailable } from "../db-errors";
import { failure, type ActionFailure } from "../forms/result";
import { ItemNotFoundError, VersionConflictError } from "./item-change";
import { logger } from "../log";

/**
 * Thrown inside a write transaction to roll it back and answer with `failure` (nothing is written): a rule
 * only the database can tell (a name taken, the last administrator), or a target that is gone or not allowed.
 */
export class Refusal<F extends ActionFailure = ActionFailure> extends Error {
  constructor(readonly failure: F) {
    super(failure.message);
    this.name = "Refusal";
  }
}

/** A refusal that belongs next to one field of the form. */
export function refuseField(field: string, messageKey: string): Refusal {
  return new Refusal(failure("invalid", "actionErrors.invalid", { [field]: [messageKey] }));
}

/**
 * Maps an error thrown inside an action to a failure. `unique` names, per database constraint or column
 * fragment, the form field (and message) a unique violation that slipped past the pre-check belongs to. F is
 * the action's own failure type (its extra details are optional), which a Refusal may carry.
 */
export function toFailure<F extends ActionFailure = ActionFailure>(
  error: unknown,
  unique: Record<string, [field: string, message: string]> = {},
): F {
  return failureOf(error, unique) as F;
}

function failureOf(error: unknown, unique: Record<string, [field: string, message: string]>): ActionFailure {
  if (error instanceof Refusal) return error.failure;
  if (error instanceof VersionConflictError) return failure("conflict");
  if (error instanceof ItemNotFoundError) return failure("not-found");
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") {
      const where = JSON.stringify(error.meta ?? {}) + error.message;
      for (const [fragment, [field, message]] of Object.entries(unique)) {
        if (where.includes(fragment)) return failure("invalid", "actionErrors.invalid", { [field]: [message] });
      }
      return failure("conflict");
    }
    if (error.code === "P2025") return failure("not-found");
    if (error.code === "P2034") return failure("conflict");
  }
  // Anything else (connection lost, timeout, a bug): nothing was committed, and the person is told so. The
  // server log keeps the details of what is not just the database being away.
  if (!isDatabaseUnavailable(error)) logger().error({ err: error }, "server action failed");
  return failure("unavailable");
}
