// Turns what can go wrong while writing an item into an answer a form can show. A bug still gets logged, but
// the person sees "try again" rather than an HTTP 500, and what they typed stays in the form.
import { failure, type ActionFailure } from "../actions/result";
import { isDatabaseUnavailable } from "../db-errors";
import { ItemNotFoundError } from "../writes/item-change";

export function writeFailure(error: unknown): ActionFailure {
  if (error instanceof ItemNotFoundError) return failure("not-found");
  if (!isDatabaseUnavailable(error)) console.error("item write failed", error);
  return failure("unavailable");
}

/** Thrown inside a write transaction to roll it back and answer with `failure` (nothing is written). */
export class Refusal<F extends ActionFailure = ActionFailure> extends Error {
  constructor(readonly failure: F) {
    super(failure.code);
    this.name = "Refusal";
  }
}
