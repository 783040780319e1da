// Turns what can go wrong while writing an item into an answer a form can show. A bug still gets logged, but
// the person sees "try again" rather than an HTTP 500, and what they typed stays in the form.
import { Prisma } from "../generated/prisma/client";
import { failure, type ActionFailure } from "../actions/result";
import { ItemNotFoundError } from "./change";

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "57P01", "57P03", "53300"]);

function isUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code.startsWith("P1") || error.code === "P2024";
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code ?? (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === "string" && CONNECTION_CODES.has(code);
}

export function writeFailure(error: unknown): ActionFailure {
  if (error instanceof ItemNotFoundError) return failure("not-found");
  if (!isUnavailable(error)) console.error("item write failed", error);
  return failure("unavailable");
}

/** Thrown inside a write transaction to roll it back and answer with `failure` (nothing is written). */
export class Refusal<F extends ActionFailure = ActionFailure> extends Error {
  constructor(readonly failure: F) {
    super(failure.code);
    this.name = "Refusal";
  }
}
