import "server-only";
// Idempotency-Key on the open API's POSTs (api_idempotency): the first request with a key claims it and,
// once answered, stores its answer; a retry with the same key and the same request gets that answer again
// without writing twice; the same key with another request is refused (422). While the first is still being
// answered a retry is told so (409). A claim left unanswered for CLAIM_TIMEOUT_MS (the process died mid-way)
// may be taken over; keys are kept for KEEP_MS (the job queue's api-cleanup drops what is older). Keys are per token.
import { createHash } from "node:crypto";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { IDEMPOTENCY_KEEP_MS } from "../api-windows";

export const CLAIM_TIMEOUT_MS = 60_000;
export const KEEP_MS = IDEMPOTENCY_KEEP_MS;
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export type Claim =
  { kind: "new" } | { kind: "replay"; status: number; body: unknown } | { kind: "mismatch" } | { kind: "in-progress" };

export function requestHash(method: string, path: string, body: Uint8Array | string): string {
  return createHash("sha256").update(`${method} ${path}\n`).update(body).digest("hex");
}

export async function claimKey(tokenId: number, key: string, hash: string, at: Date): Promise<Claim> {
  const d = db();
  await d.$executeRaw(
    Prisma.sql`DELETE FROM api_idempotency WHERE token_id = ${tokenId} AND created_at < ${new Date(at.getTime() - KEEP_MS)}`,
  );
  for (let attempt = 0; attempt < 2; attempt++) {
    const inserted = await d.$executeRaw(Prisma.sql`
      INSERT INTO api_idempotency (token_id, key, request_hash, created_at) VALUES (${tokenId}, ${key}, ${hash}, ${at})
      ON CONFLICT DO NOTHING`);
    if (inserted === 1) return { kind: "new" };
    const row = await d.apiIdempotency.findUnique({ where: { tokenId_key: { tokenId, key } } });
    if (!row) continue; // removed in between: claim again
    if (row.requestHash !== hash) return { kind: "mismatch" };
    if (row.status !== null) return { kind: "replay", status: row.status, body: row.body };
    if (at.getTime() - row.createdAt.getTime() < CLAIM_TIMEOUT_MS) return { kind: "in-progress" };
    const taken = await d.apiIdempotency.updateMany({
      where: { tokenId, key, status: null, createdAt: row.createdAt },
      data: { createdAt: at },
    });
    return taken.count === 1 ? { kind: "new" } : { kind: "in-progress" };
  }
  return { kind: "in-progress" };
}

export async function storeAnswer(tokenId: number, key: string, status: number, body: unknown): Promise<void> {
  await db().apiIdempotency.updateMany({
    where: { tokenId, key },
    data: { status, body: body as Prisma.InputJsonValue },
  });
}

/** Forgets a claim whose request was not answered for good (the database was away): a retry may run it. */
export async function releaseKey(tokenId: number, key: string): Promise<void> {
  await db().apiIdempotency.deleteMany({ where: { tokenId, key, status: null } });
}
