// The administrative audit log (append-only, enforced by a database trigger). Every administrative action
// writes its row with the same transaction client as the change itself, so neither exists without the other.
import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** old → new of one field; `from` absent on creation. */
export interface AuditChange {
  from?: unknown;
  to: unknown;
}

export interface AuditDetails {
  /** what the row is about, readable even after it is renamed (e.g. login name, unit name, item code) */
  label?: string;
  changes?: Record<string, AuditChange>;
  reason?: string | null;
  /** further items changed along with the target (e.g. the children retired with a recommendation) */
  alsoAffected?: string[];
}

export async function writeAudit(
  tx: Tx,
  entry: {
    /** null: the system itself, never a person's request (e.g. the document's revisions at start, prisma/seed/revise.ts) */
    actorId: number | null;
    action: string;
    targetType:
      | "user"
      | "unit"
      | "item"
      | "goal"
      | "period"
      | "cycle"
      | "job"
      | "calendar"
      | "chase"
      | "rating"
      | "token"
      | "webhook";
    /** a row id, or a calendar day (YYYY-MM-DD) */
    targetId: number | string;
    details: AuditDetails;
  },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: String(entry.targetId),
      details: entry.details as Prisma.InputJsonValue,
    },
  });
}

/** The fields whose values differ between `before` and `after`, as old → new. */
export function changesBetween<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, AuditChange> {
  const out: Record<string, AuditChange> = {};
  for (const [key, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = before[key];
    if (JSON.stringify(from ?? null) !== JSON.stringify(to ?? null)) out[key] = { from: from ?? null, to: to ?? null };
  }
  return out;
}

/** For a creation: every given field as "new". */
export function changesOfNew(values: Record<string, unknown>): Record<string, AuditChange> {
  const out: Record<string, AuditChange> = {};
  for (const [key, to] of Object.entries(values)) if (to !== undefined) out[key] = { to: to ?? null };
  return out;
}
