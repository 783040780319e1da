// Brings a database seeded before the document's corrections (./document/revisions.ts) up to the corrected
// document, once: in the seed's transaction at start, before the missing rows are inserted, and recorded in
// `datasets` so that it never runs again (not even after an administrator sets a value back). Each change is
// written the normal way, by the system (actor null): an item through item-change.ts (its history row) and,
// like every other administrative change, an audit_log row; a goal or a unit by its audit_log row. A field is
// replaced only while it still holds the old seeded value, so an administrator's own edit is kept.
import { createHash } from "node:crypto";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { UnitKind } from "../../lib/generated/prisma/enums";
import { changeItem } from "../../lib/writes/item-change";
import { changesBetween, changesOfNew, writeAudit, type AuditChange } from "../../lib/writes/audit";
import { goals, pillarItems, units } from "./document/index";
import { documentRevision as revision } from "./document/revisions";
import type { ActionSeed, GoalSeed } from "./types";

type Tx = Prisma.TransactionClient;

const CHECKSUM = createHash("sha256").update(JSON.stringify(revision)).digest("hex");

function documentAction(code: string): ActionSeed {
  const [p, r, a] = code.split(".").map(Number);
  const action = pillarItems.find((x) => x.pillar === p)?.recommendations[r! - 1]?.actions[a! - 1];
  if (!action) throw new Error(`document revision: no action item ${code} in the document`);
  return action;
}

function documentGoal(match: (g: GoalSeed) => boolean, what: string): GoalSeed {
  const goal = goals.find(match);
  if (!goal) throw new Error(`document revision: no goal ${what} in the document`);
  return goal;
}

/** The new values of `to` whose field in `current` still holds the old value of `from`. */
function stillOld<T extends object>(current: NoInfer<T>, from: NoInfer<Partial<T>>, to: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(from) as (keyof T)[]) if (current[key] === from[key]) out[key] = to[key];
  return out;
}

/** The 操作记录 row of one change the revision makes, by the system (no actor), with the revision's reason. */
function auditRevision(
  tx: Tx,
  action: "document.revise" | "document.add",
  targetType: "item" | "goal" | "unit",
  targetId: number,
  label: string,
  changes: Record<string, AuditChange>,
) {
  return writeAudit(tx, {
    actorId: null,
    action,
    targetType,
    targetId,
    details: { label, changes, reason: revision.reason },
  });
}

async function reviseItems(tx: Tx, at: Date): Promise<number> {
  let changed = 0;
  for (const { code, from } of revision.items) {
    const item = await tx.item.findUnique({ where: { code }, select: { id: true, title: true, titleEn: true } });
    if (!item) continue;
    const doc = documentAction(code);
    const fields = stillOld<{ title: string; titleEn: string | null }>(item, from, doc);
    if (Object.keys(fields).length === 0) continue;
    await changeItem(tx, item.id, { action: "UPDATE", fields }, { actorId: null, at, reason: revision.reason });
    await auditRevision(tx, "document.revise", "item", item.id, code, changesBetween(item, fields));
    changed++;
  }
  return changed;
}

async function reviseGoals(tx: Tx): Promise<number> {
  let changed = 0;
  // Renumbered and corrected goals first (numbers are unique: moved out of the way, then to their place).
  const moves: { id: number; title: string; changes: Record<string, AuditChange>; data: Partial<GoalSeed> }[] = [];
  for (const { title, from } of revision.goals) {
    const goal = await tx.goal.findFirst({ where: { title } });
    if (!goal) continue;
    const doc = documentGoal((g) => g.title === title, title);
    const data = stillOld(goal, from, doc);
    if (Object.keys(data).length > 0) moves.push({ id: goal.id, title, changes: changesBetween(goal, data), data });
  }
  for (const m of moves)
    if (m.data.number !== undefined) await tx.goal.update({ where: { id: m.id }, data: { number: -m.id } });
  for (const m of moves) {
    await tx.goal.update({ where: { id: m.id }, data: m.data });
    await auditRevision(tx, "document.revise", "goal", m.id, m.title, m.changes);
    changed++;
  }
  // Then the goals that were missing, at their place in text order (or last, should that number be taken).
  for (const number of revision.goalsAdded) {
    const doc = documentGoal((g) => g.number === number, String(number));
    if (await tx.goal.findFirst({ where: { sourceExcerpt: doc.sourceExcerpt }, select: { id: true } })) continue;
    const taken = await tx.goal.findUnique({ where: { number }, select: { id: true } });
    const last = await tx.goal.aggregate({ _max: { number: true } });
    const data = { ...doc, number: taken ? (last._max.number ?? 0) + 1 : number };
    const goal = await tx.goal.create({ data });
    await auditRevision(tx, "document.add", "goal", goal.id, doc.title, changesOfNew(data));
    changed++;
  }
  return changed;
}

async function reviseUnits(tx: Tx): Promise<number> {
  let changed = 0;
  for (const { name, from } of revision.units) {
    const unit = await tx.unit.findUnique({ where: { name }, select: { id: true, kind: true } });
    const doc = units.find((u) => u.name === name);
    if (!doc) throw new Error(`document revision: no unit ${name} in the document`);
    if (!unit) continue;
    const data = stillOld<{ kind: UnitKind }>(unit, from, { kind: doc.kind });
    if (data.kind === undefined) continue;
    await tx.unit.update({ where: { id: unit.id }, data: { kind: doc.kind } });
    await auditRevision(tx, "document.revise", "unit", unit.id, name, changesBetween(unit, data));
    changed++;
  }
  return changed;
}

/**
 * Applies the document's revision to a database whose document was seeded before it (`seeded`), once, and
 * records it; a database seeded now gets the corrected document from the seed itself and only the record.
 * Returns the number of rows changed (0 when already applied, or not needed).
 */
export async function reviseDocument(tx: Tx, options: { seeded: boolean; at: Date }): Promise<number> {
  if (await tx.dataset.findUnique({ where: { key: revision.key }, select: { key: true } })) return 0;
  const changed = options.seeded
    ? (await reviseItems(tx, options.at)) + (await reviseGoals(tx)) + (await reviseUnits(tx))
    : 0;
  await tx.dataset.create({ data: { key: revision.key, checksum: CHECKSUM, loadedAt: options.at } });
  return changed;
}
