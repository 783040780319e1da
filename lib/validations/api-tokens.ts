// The personal access token form (account settings) and the revoke forms. Messages are catalogue keys.
import { z } from "zod";
import { idField } from "./id";
import { TOKEN_EXPIRY_DAYS, TOKEN_NAME_MAX, TOKEN_SCOPES } from "./api-token-limits";

/** Tokens one account may hold at once (not revoked, not expired). */
export const TOKENS_PER_USER_MAX = 20;

export const tokenCreateSchema = z.object({
  name: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(TOKEN_NAME_MAX, "validation.tooLong")
    .transform((s) => s.replaceAll("\u0000", "")),
  scope: z.enum(TOKEN_SCOPES, { error: "validation.invalidChoice" }),
  expiresInDays: z.enum(TOKEN_EXPIRY_DAYS, { error: "validation.invalidChoice" }).transform(Number),
});
export type TokenCreateValues = z.infer<typeof tokenCreateSchema>;

export const tokenRevokeSchema = z.object({ tokenId: idField });
