// Recognises "the database cannot be reached right now" (server down or restarting, connection refused or
// dropped, too many connections), as opposed to a bug: callers answer the first with a clear "unavailable".
import { Prisma } from "./generated/prisma/client";

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "57P01", "57P03", "53300"]);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError)
    return error.code.startsWith("P1") || error.code === "P2024";
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code ??
    (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === "string" && CONNECTION_CODES.has(code);
}
