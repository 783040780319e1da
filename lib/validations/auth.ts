import { z } from "zod";

/** Where to go after signing in: only a path on this site (never another origin, never a protocol-relative URL). */
export function safeCallbackUrl(raw: unknown): string {
  if (typeof raw !== "string" || raw.length > 2000) return "/";
  if (
    !raw.startsWith("/") ||
    raw.startsWith("//") ||
    raw.startsWith("/\\") ||
    raw.startsWith("/login") ||
    raw.startsWith("/api/")
  )
    return "/";
  return raw;
}

export const signInSchema = z.object({
  loginName: z.string().trim().min(1, "validation.required").max(64, "validation.tooLong"),
  password: z.string().min(1, "validation.required").max(256, "validation.tooLong"),
  callbackUrl: z.unknown().transform(safeCallbackUrl),
});
