// Permission-walk cases for the API token actions (lib/actions/api-tokens.ts). Every signed-in account may make
// and revoke its own tokens (account:self); revoking another's is refused as not found unless the caller is an
// administrator. revokeToken's case makes a fresh token of whoever the walk is signed in as (an administrator's
// when no one is, as for the notification cases).
import { createHash, randomBytes } from "node:crypto";
import { currentClaims } from "../session";
import type { ActionCases, ActionContext } from "./types";

function form(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
}

async function ownToken(ctx: ActionContext): Promise<number> {
  const userId =
    ctx.callerId ??
    currentClaims()?.userId ??
    (await ctx.db.user.findFirstOrThrow({ where: { role: "ADMIN", disabled: false } })).id;
  const secret = "cyt_" + randomBytes(32).toString("base64url");
  const at = new Date();
  const row = await ctx.db.apiToken.create({
    data: {
      userId,
      name: "walk",
      scope: "READ",
      prefix: secret.slice(0, 12),
      secretHash: createHash("sha256").update(secret).digest("hex"),
      createdAt: at,
      expiresAt: new Date(at.getTime() + 86_400_000),
    },
  });
  return row.id;
}

export const apiTokenCases: ActionCases = {
  createToken: {
    permission: "account:self",
    buildArgs: () => [
      null,
      form({ name: `walk ${randomBytes(3).toString("hex")}`, scope: "READ", expiresInDays: "7" }),
    ],
  },
  revokeToken: {
    permission: "account:self",
    buildArgs: async (ctx) => [null, form({ tokenId: await ownToken(ctx) })],
  },
};
