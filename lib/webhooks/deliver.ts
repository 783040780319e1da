// Sending the webhook outbox (webhook_deliveries), on the job queue (task "webhook-deliver": enqueued by the write
// that makes a delivery, and every minute by the crontab for the retries that have come due).
//
// A row goes PENDING → SENDING (claimed: FOR UPDATE SKIP LOCKED, a fresh claim token and a lease, the attempt
// counted) → DELIVERED (a 2xx answer) or back to PENDING with its next attempt after an exponential backoff
// (1, 2, 4 … minutes, at most 6 hours) — FAILED after MAX_ATTEMPTS. Every attempt is written to
// webhook_delivery_attempts with its answer. Delivery is at least once: a sender that dies after the receiver
// answered leaves the row SENDING; once its lease runs out it is sent again with the same event id
// (X-Chengyu-Event-Id), on which receivers dedupe. A paused webhook's deliveries wait; a deleted one's are gone.
//
// Each attempt resolves the host again and refuses a non-public address (address.ts) unless the webhook allows
// private targets, connects to the address it checked, follows no redirect (a 3xx is a failed attempt), and
// gives up after `timeoutMs`. The time is the clock given (lib/clock now()), so tests move it instead of waiting.
import { randomUUID } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { Db } from "../prisma-client";
import { checkTarget, describeRefusal, hostOf, systemResolver, type Resolver } from "./address";
import { decryptSecret } from "./secret";
import { EVENT_HEADER, EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader } from "./signature";

export const MAX_ATTEMPTS = 8;
export const TIMEOUT_MS = 10_000;
/** A claim outlives the request's timeout by a wide margin before another sender may take the row back. */
export const LEASE_MS = 5 * 60_000;
const USER_AGENT = "chengyu-tracker-webhooks/1";
/** How much of a receiver's answer is kept with an attempt that failed. */
const ANSWER_KEPT = 300;

/** Milliseconds before the next attempt after `attempts` failures: 1, 2, 4 … minutes, capped at 6 hours. */
export function webhookBackoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

export interface WebhookSendOptions {
  /** at most this many deliveries in one call */
  batch?: number;
  timeoutMs?: number;
  maxAttempts?: number;
  leaseMs?: number;
  /** how host names are resolved (tests may give their own) */
  resolve?: Resolver;
}

export interface WebhookSendReport {
  delivered: number;
  retrying: number;
  failed: number;
  /** SENDING rows whose sender stopped, taken back */
  requeued: number;
}

interface Claimed {
  id: number;
  webhook_id: number;
  event: string;
  event_id: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret_encrypted: string;
  allow_private: boolean;
}

export interface PostOutcome {
  ok: boolean;
  status: number | null;
  error: string | null;
  /** the receiver cannot be reached this way whatever happens next (no point in retrying) */
  permanent?: boolean;
}

/**
 * POSTs `body` to `url` with `headers`: the host resolved and checked first (see the top of this file), the
 * connection made to the checked address, no redirect followed, everything over after `timeoutMs`.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  {
    allowPrivate,
    timeoutMs = TIMEOUT_MS,
    resolve = systemResolver,
  }: { allowPrivate: boolean; timeoutMs?: number; resolve?: Resolver },
): Promise<PostOutcome> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, status: null, error: "not a URL", permanent: true };
  }
  if (target.protocol !== "http:" && target.protocol !== "https:")
    return { ok: false, status: null, error: `scheme ${target.protocol} is not http or https`, permanent: true };
  const checked = await checkTarget(hostOf(target), allowPrivate, resolve);
  if (!checked.ok) return { ok: false, status: null, error: describeRefusal(checked.refusal) };
  const pinned = checked.addresses[0]!;
  // Node calls this instead of DNS for a host name (an IP literal is used as it is, and was checked as it is).
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = target.protocol === "https:" ? https : http;
  return new Promise<PostOutcome>((settle) => {
    let done = false;
    const finish = (outcome: PostOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      settle(outcome);
    };
    const request = client.request(
      target,
      {
        method: "POST",
        agent: false,
        lookup,
        headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on("data", (chunk: Buffer) => {
          if (kept < ANSWER_KEPT) {
            chunks.push(chunk);
            kept += chunk.length;
          }
        });
        response.on("error", (error) => finish({ ok: false, status, error: error.message }));
        response.on("end", () => {
          if (status >= 200 && status < 300) return finish({ ok: true, status, error: null });
          const answer = Buffer.concat(chunks).toString("utf8").slice(0, ANSWER_KEPT).trim();
          const error =
            status >= 300 && status < 400
              ? `HTTP ${status}: redirect to ${response.headers.location ?? "(no Location)"} not followed`
              : `HTTP ${status}${answer ? `: ${answer}` : ""}`;
          finish({ ok: false, status, error });
        });
      },
    );
    const timer = setTimeout(() => {
      request.destroy(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    request.on("error", (error) => finish({ ok: false, status: null, error: error.message }));
    request.end(body);
  });
}

/** Takes back the rows of senders that stopped (their lease ran out): sent again, or FAILED after the last attempt. */
async function requeueAbandoned(db: Db, now: Date, maxAttempts: number): Promise<number> {
  return db.$executeRaw`
    UPDATE webhook_deliveries
       SET state = CASE WHEN attempts >= ${maxAttempts} THEN 'FAILED'::"WebhookDeliveryState"
                        ELSE 'PENDING'::"WebhookDeliveryState" END,
           next_attempt_at = ${now}, updated_at = ${now},
           last_error = 'the sender stopped before recording the answer (sent again: receivers dedupe on the event id)'
     WHERE state = 'SENDING' AND lease_until < ${now}`;
}

async function claimOne(db: Db, now: Date, token: string, leaseMs: number): Promise<Claimed | null> {
  const rows = await db.$queryRaw<Claimed[]>`
    WITH next AS (
      SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
       WHERE d.state = 'PENDING' AND d.next_attempt_at <= ${now} AND w.active
       ORDER BY d.next_attempt_at, d.id
       LIMIT 1
       FOR UPDATE OF d SKIP LOCKED)
    UPDATE webhook_deliveries d
       SET state = 'SENDING', claim_token = ${token}::uuid, lease_until = ${new Date(now.getTime() + leaseMs)},
           attempts = d.attempts + 1, updated_at = ${now}
      FROM next, webhooks w
     WHERE d.id = next.id AND w.id = d.webhook_id
    RETURNING d.id, d.webhook_id, d.event, d.event_id::text AS event_id, d.payload, d.attempts, w.url,
              w.secret_encrypted, w.allow_private`;
  return rows[0] ?? null;
}

/** The headers of one attempt (the signature over exactly `body`). */
export function deliveryHeaders(
  row: { id: number; event: string; event_id: string; attempts: number },
  secret: string,
  body: string,
  at: Date,
): Record<string, string> {
  return {
    "Content-Type": "application/json; charset=utf-8",
    "User-Agent": USER_AGENT,
    [EVENT_HEADER]: row.event,
    [EVENT_ID_HEADER]: row.event_id,
    "X-Chengyu-Delivery": String(row.id),
    "X-Chengyu-Attempt": String(row.attempts),
    [SIGNATURE_HEADER]: signatureHeader(secret, body, at),
  };
}

/**
 * Claims due deliveries one at a time (up to `batch`) and sends each. Safe to run in any number of processes at
 * once (a row is claimed by one sender); `now` is the clock's time.
 */
export async function sendPendingWebhooks(
  db: Db,
  now: Date,
  options: WebhookSendOptions = {},
): Promise<WebhookSendReport> {
  const batch = options.batch ?? 20;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const report: WebhookSendReport = { delivered: 0, retrying: 0, failed: 0, requeued: 0 };
  report.requeued = await requeueAbandoned(db, now, maxAttempts);
  for (let i = 0; i < batch; i++) {
    const token = randomUUID();
    const row = await claimOne(db, now, token, leaseMs);
    if (!row) break;
    const started = Date.now();
    const secret = decryptSecret(row.secret_encrypted);
    let outcome: PostOutcome;
    if (secret === null) {
      outcome = {
        ok: false,
        status: null,
        error:
          "the webhook's secret cannot be decrypted (WEBHOOK_SECRET_KEY or AUTH_SECRET changed): register it again",
        permanent: true,
      };
    } else {
      const body = JSON.stringify(row.payload);
      outcome = await postWebhook(row.url, body, deliveryHeaders(row, secret, body, now), {
        allowPrivate: row.allow_private,
        timeoutMs: options.timeoutMs,
        resolve: options.resolve,
      });
    }
    const giveUp = !outcome.ok && (outcome.permanent === true || row.attempts >= maxAttempts);
    const state = outcome.ok ? "DELIVERED" : giveUp ? "FAILED" : "PENDING";
    const nextAt = new Date(now.getTime() + (outcome.ok || giveUp ? 0 : webhookBackoffMs(row.attempts)));
    await db.$transaction(async (tx) => {
      const changed = await tx.$executeRaw`
        UPDATE webhook_deliveries
           SET state = ${state}::"WebhookDeliveryState", updated_at = ${now}, next_attempt_at = ${nextAt},
               last_response_code = ${outcome.status}, last_error = ${outcome.error},
               delivered_at = CASE WHEN ${outcome.ok} THEN ${now} ELSE delivered_at END
         WHERE id = ${row.id} AND claim_token = ${token}::uuid AND state = 'SENDING'`;
      // taken over meanwhile (this sender was too slow): the other sender records its own attempt
      if (changed === 0) return;
      await tx.webhookDeliveryAttempt.create({
        data: {
          deliveryId: row.id,
          attempt: row.attempts,
          at: now,
          durationMs: Date.now() - started,
          ok: outcome.ok,
          responseCode: outcome.status,
          error: outcome.error,
        },
      });
      if (outcome.ok) report.delivered++;
      else if (giveUp) report.failed++;
      else report.retrying++;
    });
  }
  return report;
}
