// Deterministic randomness and calendar helpers for the sample dataset. Everything here is pure: the same
// seed and the same `now` give the same data, so screenshots, tests and demos stay comparable.

export const DAY_MS = 86_400_000;

/** mulberry32: a tiny 32-bit PRNG, good enough for plausible fake data (not for anything secret). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to derive a stable per-item seed from a code such as "3.1.4". */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [min, max], both inclusive */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** a shuffled copy */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct elements (fewer if the list is shorter) */
  sample<T>(items: readonly T[], count: number): T[];
  /** picks by weight; weights need not sum to 1 */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)]!;
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    sample: (items, count) => rng.shuffle(items).slice(0, Math.max(0, count)),
    weighted: (entries) => {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [value, w] of entries) {
        r -= w;
        if (r < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
  };
  return rng;
}

/** Midnight UTC of the given instant's UTC calendar day (how Prisma returns DATE columns). */
export function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * The sample year as day numbers: day 0 is the UTC day of `start`, day `lastDay` the day before `now`'s UTC
 * day. Changes are placed on whole days 1..lastDay during Beijing office hours, so every instant is strictly
 * after `start` and before `now`; calendar fields (start/due/planned dates) may lie outside that range.
 */
export class SampleCalendar {
  readonly day0: Date;
  readonly lastDay: number;

  constructor(
    readonly start: Date,
    readonly now: Date,
  ) {
    if (!(start.getTime() < now.getTime())) throw new Error("sample calendar: start must be before now");
    this.day0 = utcDay(start);
    this.lastDay = Math.round((utcDay(now).getTime() - this.day0.getTime()) / DAY_MS) - 1;
    if (this.lastDay < 60) throw new Error("sample calendar: start must be at least two months before now");
  }

  /** day number → its date (midnight UTC), for DATE columns; any day number is allowed */
  date(day: number): Date {
    return addDays(this.day0, day);
  }

  clampDay(day: number): number {
    return Math.min(this.lastDay, Math.max(1, Math.round(day)));
  }

  /**
   * Moves a weekend day to a weekday: Saturday back to Friday, Sunday on to Monday (at the ends of the range,
   * the other way). Non-decreasing in `day`, so events keep their order.
   */
  workday(day: number): number {
    const d = this.clampDay(day);
    const weekday = this.date(d).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return d;
    const [near, far] = weekday === 6 ? [d - 1, d + 2] : [d + 1, d - 2];
    if (near >= 1 && near <= this.lastDay) return near;
    return far >= 1 && far <= this.lastDay ? far : d;
  }

  /**
   * `count` increasing weekdays in [from, to], spread like spreadDays over working days only (so no weekday
   * collects the weekends' share); the last one is the last weekday not after `to`.
   */
  spreadWorkdays(rng: Rng, from: number, to: number, count: number): number[] {
    const days: number[] = [];
    for (let d = this.clampDay(from); d <= this.clampDay(to); d++) {
      const weekday = this.date(d).getUTCDay();
      if (weekday !== 0 && weekday !== 6) days.push(d);
    }
    if (days.length === 0) return [this.workday(to)];
    return spreadDays(rng, 0, days.length - 1, count, true).map((i) => days[i]!);
  }

  /**
   * An instant on the given day during Beijing office hours (09:00–17:59 +08:00 = 01:00–09:59 UTC).
   * Always > start (day ≥ 1 begins after the whole of day 0) and < now (day ≤ lastDay ends before now's day).
   */
  instant(day: number, rng: Rng): Date {
    const minutes = rng.int(60, 599);
    return new Date(this.date(this.clampDay(day)).getTime() + minutes * 60_000 + rng.int(0, 59) * 1000);
  }
}

/**
 * `count` increasing day numbers in [from, to], one in each equal slice of the range, so updates spread over
 * the period instead of bunching. The last one is `to` when `endOnLast`.
 */
export function spreadDays(rng: Rng, from: number, to: number, count: number, endOnLast = false): number[] {
  if (to < from) throw new Error(`spreadDays: empty range ${from}..${to}`);
  count = Math.min(count, to - from + 1);
  if (count <= 0) return [];
  const slots = endOnLast ? count - 1 : count;
  const span = to - from + 1;
  const out: number[] = [];
  for (let i = 0; i < slots; i++) {
    const lo = from + Math.floor((span * i) / count);
    const hi = Math.max(lo, from + Math.floor((span * (i + 1)) / count) - 1);
    out.push(rng.int(lo, hi));
  }
  if (endOnLast) out.push(to);
  for (let i = 1; i < out.length; i++) if (out[i]! <= out[i - 1]!) out[i] = out[i - 1]! + 1;
  return out;
}

/** Rounds to a multiple of 5 within 0..100. */
export function roundProgress(p: number): number {
  return Math.min(100, Math.max(0, Math.round(p / 5) * 5));
}
