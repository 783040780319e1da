// Investment figures for the tests: an item's setInvestment input with the item's current version, and seeded
// random rounds of figures over many items (the roll-up and page tests), replayable from a seed.
import { fromCents, toCents } from "../../lib/money";
import type { Db } from "../../lib/prisma-client";
import type { Actor } from "../../lib/permissions";
import { resetClock, setClock } from "../../lib/clock";
import { setInvestment, type InvestmentInput } from "../../lib/writes/investment";

/**
 * The input that sets the item's figures for `year` to `over` and clears the rest, at the item's current
 * version (read outside any transaction, as a form would have read it).
 */
export async function investmentInput(
  db: Db,
  itemId: number,
  year: number,
  over: Partial<InvestmentInput>,
): Promise<InvestmentInput> {
  const { version } = await db.item.findUniqueOrThrow({ where: { id: itemId }, select: { version: true } });
  return {
    itemId,
    expectedVersion: version,
    totalInvestment: null,
    sichuanShare: null,
    chongqingShare: null,
    year,
    planned: null,
    completed: null,
    ...over,
  };
}

/** A small deterministic linear congruential generator, so a failure can be replayed. */
export function rng(seed: number, multiplier: number, increment: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * multiplier + increment) >>> 0;
    return s / 2 ** 32;
  };
}

/** An amount with cents, of one to `maxDigits` integer digits, as text. */
export function randomAmount(r: () => number, maxDigits: number): string {
  const digits = 1 + Math.floor(r() * maxDigits);
  let int = String(1 + Math.floor(r() * 9));
  for (let i = 1; i < digits; i++) int += String(Math.floor(r() * 10));
  return `${int}.${String(Math.floor(r() * 100)).padStart(2, "0")}`;
}

/**
 * Rounds of figures over the action items not retired, each round at its moment (the clock is set to it, and
 * reset after the last): in a round each item gets
 * new figures with the round's chance — a total (85 %), for a joint item often split between the sides, and the
 * year's planned and completed amounts — written through setInvestment one item at a time, so a later round
 * raises, lowers, removes and adds figures and the past differs from live.
 */
export async function investmentRounds(
  db: Db,
  actor: Actor,
  options: { year: number; rounds: readonly (readonly [Date, number])[]; r: () => number; maxDigits: number },
): Promise<void> {
  const { year, r, maxDigits } = options;
  const items = await db.item.findMany({
    where: { level: "ACTION", retiredAt: null },
    select: { id: true, leadUnit: { select: { side: true } }, coLeadUnit: { select: { side: true } } },
    orderBy: { id: "asc" },
  });
  for (const [at, share] of options.rounds) {
    setClock(at);
    for (const item of items) {
      if (r() > share) continue;
      const total = r() < 0.85 ? randomAmount(r, maxDigits) : null;
      const joint = item.coLeadUnit !== null && item.coLeadUnit.side !== item.leadUnit?.side;
      let sc: string | null = null;
      let cq: string | null = null;
      if (total !== null && joint && r() < 0.8) {
        const cents = toCents(total);
        const part = (cents * BigInt(Math.floor(r() * 100))) / 100n;
        sc = fromCents(part);
        cq = fromCents(cents - part);
      }
      const planned = r() < 0.8 ? randomAmount(r, maxDigits) : null;
      const completed = r() < 0.75 ? randomAmount(r, maxDigits) : null;
      await db.$transaction(async (tx) => {
        const { version } = await tx.item.findUniqueOrThrow({ where: { id: item.id }, select: { version: true } });
        await setInvestment(tx, actor, {
          itemId: item.id,
          expectedVersion: version,
          totalInvestment: total,
          sichuanShare: sc,
          chongqingShare: cq,
          year,
          planned,
          completed,
        });
      });
    }
  }
  resetClock();
}
