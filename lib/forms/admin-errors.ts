// Turning what can go wrong inside an administrative action into the typed failure the form shows. Lives
// outside lib/actions because only server actions may be exported from there.
import { Prisma } from "../generated/prisma/client";
import { ItemNotFoundError, VersionConflictError } from "../writes/item-change";
import { failure, type ActionFailure, type FailureCode } from "../actions/result";

/** A rule the input breaks that only the database can tell (a name taken, a unit that does not exist). */
export class FieldRefusal extends Error {
  constructor(
    readonly fieldErrors: Record<string, string[]>,
    readonly messageKey: string = "actionErrors.invalid",
  ) {
    super("field refusal");
    this.name = "FieldRefusal";
  }
}

/** A refusal of the whole request (not one field), e.g. removing the last active administrator. */
export class Refusal extends Error {
  constructor(
    readonly code: FailureCode,
    readonly messageKey: string,
  ) {
    super(messageKey);
    this.name = "Refusal";
  }
}

export function fieldRefusal(field: string, messageKey: string): FieldRefusal {
  return new FieldRefusal({ [field]: [messageKey] });
}

/**
 * Maps an error thrown inside an action to a failure. `unique` names, per database constraint or column
 * fragment, the form field (and message) a unique violation that slipped past the pre-check belongs to.
 */
export function toFailure(
  error: unknown,
  unique: Record<string, [field: string, message: string]> = {},
): ActionFailure {
  if (error instanceof FieldRefusal) return failure("invalid", error.messageKey, error.fieldErrors);
  if (error instanceof Refusal) return failure(error.code, error.messageKey);
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
  // Anything else (connection lost, timeout, a bug): nothing was committed, and the person is told so
  // rather than shown a stack trace. The server log keeps the details.
  console.error("admin action failed", error);
  return failure("unavailable");
}
