// The one way an item's 指标 change: an indicator added, edited or removed (the item's fields' permission,
// item:update), an actual value reported for a day (the progress report's permission, item:post-update), and
// the 关键指标 mark (administrators, indicator:headline). Every write goes through changeItem, so the item's
// version moves and its item_history row — whose snapshot carries the indicators and their latest values
// (lib/writes/snapshot.ts) — is written in the same transaction. Figures are canonical decimal strings
// (lib/indicators.ts) end to end; PostgreSQL stores them as NUMERIC.
import type { Indicator, Prisma } from "../generated/prisma/client";
import { now } from "../clock";
import { failure } from "../forms/result";
import { figureText } from "../indicators";
import type { Actor, Permission } from "../permissions";
import type {
  AddIndicatorInput,
  IndicatorHeadlineInput,
  RemoveIndicatorInput,
  ReportIndicatorValueInput,
  UpdateIndicatorInput,
} from "../validations/indicators";
import { Refusal, refuseField } from "./failure";
import { changeItem, type ChangeResult } from "./item-change";
import { loadItemForWriting, type LockedItem } from "./item-scope";
import { indicatorDefinition } from "./snapshot";

type Tx = Prisma.TransactionClient;

/** What a write answers: the item's code (for the pages to refresh), its new version, the indicator's. */
export interface IndicatorWritten extends ChangeResult {
  code: string;
  indicatorId: number;
  /** the indicator's own version after the write (its form continues from it) */
  indicatorVersion: number;
}

/** Someone saved the indicator since the form was loaded (its own optimistic version). */
const conflict = () => new Refusal(failure("conflict", "indicators.errors.conflict"));

/** The item, locked and allowed (`permission` on its units, not retired), and an action item. */
async function itemFor(tx: Tx, actor: Actor, permission: Permission, itemId: number): Promise<LockedItem> {
  const item = await loadItemForWriting(tx, actor, permission, itemId);
  const { level } = await tx.item.findUniqueOrThrow({ where: { id: item.id }, select: { level: true } });
  if (level !== "ACTION") throw new Refusal(failure("invalid", "indicators.errors.notAction"));
  return item;
}

/**
 * The indicator (not removed) and its item, locked in the order every item write locks: the item row first
 * (changeItem's lock), so two writes to one item's indicators queue, then the indicator is re-read under it.
 */
async function indicatorFor(
  tx: Tx,
  actor: Actor,
  permission: Permission,
  indicatorId: number,
): Promise<{ item: LockedItem; indicator: Indicator }> {
  const found = await tx.indicator.findUnique({ where: { id: indicatorId }, select: { itemId: true } });
  if (!found) throw new Refusal(failure("not-found", "indicators.errors.notFound"));
  const item = await itemFor(tx, actor, permission, found.itemId);
  const indicator = await tx.indicator.findUniqueOrThrow({ where: { id: indicatorId } });
  if (indicator.removedAt !== null) throw new Refusal(failure("not-found", "indicators.errors.notFound"));
  return { item, indicator };
}

/** Refuses a name another indicator of the item (not removed) already has. */
async function refuseTakenName(tx: Tx, itemId: number, name: string, except?: number): Promise<void> {
  const taken = await tx.indicator.findFirst({
    where: { itemId, removedAt: null, name, ...(except !== undefined ? { id: { not: except } } : {}) },
    select: { id: true },
  });
  if (taken) throw refuseField("name", "indicators.validation.nameTaken");
}

/** `mutate` written as a change of the item (its version moves, its history row is written), at one moment. */
async function changeIndicators(
  tx: Tx,
  actor: Actor,
  item: LockedItem,
  mutate: (t: Tx, at: Date) => Promise<unknown>,
): Promise<ChangeResult> {
  const at = now();
  return changeItem(
    tx,
    item.id,
    {
      action: "UPDATE",
      mutate: async (t) => {
        await mutate(t, at);
      },
    },
    { actorId: actor.id, at },
  );
}

/** Updates the indicator's row, its own version one up, as a change of its item. */
async function updateIndicatorRow(
  tx: Tx,
  actor: Actor,
  item: LockedItem,
  indicator: Indicator,
  data: (at: Date) => Prisma.IndicatorUpdateInput,
): Promise<IndicatorWritten> {
  const result = await changeIndicators(tx, actor, item, (t, at) =>
    t.indicator.update({
      where: { id: indicator.id },
      data: { ...data(at), version: indicator.version + 1, updatedAt: at },
    }),
  );
  return { ...result, code: item.code, indicatorId: indicator.id, indicatorVersion: indicator.version + 1 };
}

/** The definition's fields of a form's input (its figures already canonical), in indicatorDefinition's order. */
function definitionFields(input: AddIndicatorInput | UpdateIndicatorInput) {
  const { name, unit, baseline, target, targetYear, direction } = input;
  return { name, unit, baseline, target, targetYear, direction };
}

export async function addIndicator(tx: Tx, actor: Actor, input: AddIndicatorInput): Promise<IndicatorWritten> {
  const item = await itemFor(tx, actor, "item:update", input.itemId);
  await refuseTakenName(tx, item.id, input.name);
  const last = await tx.indicator.aggregate({ where: { itemId: item.id }, _max: { position: true } });
  let created: Indicator | undefined;
  const result = await changeIndicators(tx, actor, item, async (t, at) => {
    created = await t.indicator.create({
      data: {
        itemId: item.id,
        ...definitionFields(input),
        position: (last._max.position ?? 0) + 1,
        createdAt: at,
        updatedAt: at,
      },
    });
  });
  return { ...result, code: item.code, indicatorId: created!.id, indicatorVersion: created!.version };
}

export async function updateIndicator(tx: Tx, actor: Actor, input: UpdateIndicatorInput): Promise<IndicatorWritten> {
  const { item, indicator } = await indicatorFor(tx, actor, "item:update", input.indicatorId);
  if (indicator.version !== input.expectedVersion) throw conflict();
  const next = definitionFields(input);
  const unchanged = { version: item.version, changedFields: [], code: item.code, indicatorId: indicator.id };
  if (JSON.stringify(indicatorDefinition(indicator)) === JSON.stringify(next))
    return { ...unchanged, indicatorVersion: indicator.version };
  await refuseTakenName(tx, item.id, input.name, indicator.id);
  return updateIndicatorRow(tx, actor, item, indicator, () => next);
}

/** Removes the indicator from the item; it is kept (removed_at), so past days still show it and its values. */
export async function removeIndicator(tx: Tx, actor: Actor, input: RemoveIndicatorInput): Promise<IndicatorWritten> {
  const { item, indicator } = await indicatorFor(tx, actor, "item:update", input.indicatorId);
  if (indicator.version !== input.expectedVersion) throw conflict();
  return updateIndicatorRow(tx, actor, item, indicator, (at) => ({ removedAt: at }));
}

/**
 * Records an actual value of the indicator as at a day (not in the future: the schema checks it). A value equal
 * to the one in force for that day is no change and writes nothing; otherwise a new row (values are
 * append-only: a correction supersedes, it does not overwrite). The day's reporting period is linked when an
 * opened period covers it.
 */
export async function reportIndicatorValue(
  tx: Tx,
  actor: Actor,
  input: ReportIndicatorValueInput,
): Promise<IndicatorWritten> {
  const { item, indicator } = await indicatorFor(tx, actor, "item:post-update", input.indicatorId);
  const day = new Date(`${input.observedOn}T00:00:00Z`);
  const inForce = await tx.indicatorValue.findFirst({
    where: { indicatorId: indicator.id, observedOn: day },
    orderBy: [{ reportedAt: "desc" }, { id: "desc" }],
    select: { actual: true },
  });
  const done = { code: item.code, indicatorId: indicator.id, indicatorVersion: indicator.version };
  if (inForce && figureText(inForce.actual) === input.actual)
    return { version: item.version, changedFields: [], ...done };
  const period = await tx.reportingPeriod.findFirst({
    where: { openedAt: { not: null }, opensOn: { lte: day }, closesOn: { gte: day } },
    orderBy: { opensOn: "desc" },
    select: { id: true },
  });
  const result = await changeIndicators(tx, actor, item, (t, at) =>
    t.indicatorValue.create({
      data: {
        indicatorId: indicator.id,
        periodId: period?.id ?? null,
        observedOn: day,
        actual: input.actual,
        reportedAt: at,
        reportedById: actor.id,
      },
    }),
  );
  return { ...result, ...done };
}

/** Marks the indicator as 关键指标 (shown on the dashboard) or not: administrators. */
export async function setIndicatorHeadline(
  tx: Tx,
  actor: Actor,
  input: IndicatorHeadlineInput,
): Promise<IndicatorWritten> {
  const { item, indicator } = await indicatorFor(tx, actor, "indicator:headline", input.indicatorId);
  if (indicator.headline === input.headline)
    return {
      version: item.version,
      changedFields: [],
      code: item.code,
      indicatorId: indicator.id,
      indicatorVersion: indicator.version,
    };
  return updateIndicatorRow(tx, actor, item, indicator, () => ({ headline: input.headline }));
}
