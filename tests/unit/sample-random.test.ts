// The sample dataset's randomness and calendar: deterministic for a seed, and every change it plans lies
// strictly after `start`, not after `now`, on a weekday, in order.
import { describe, expect, it } from "vitest";
import {
  createRng,
  hashString,
  mulberry32,
  roundProgress,
  SampleCalendar,
  spreadDays,
} from "../../prisma/seed/sample/random";
import type { ItemInfo, Ownership } from "../../prisma/seed/sample/ownership";
import { planTimeline, type Profile } from "../../prisma/seed/sample/timeline";

const now = new Date("2026-11-28T03:30:00Z");
const start = new Date("2025-10-28T03:30:00Z");

describe("mulberry32 / createRng", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 20 }, () => a());
    expect(Array.from({ length: 20 }, () => b())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c())).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it("keeps int() within its inclusive bounds and reaches both ends", () => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = rng.int(-3, 3);
      expect(v).toBeGreaterThanOrEqual(-3);
      expect(v).toBeLessThanOrEqual(3);
      seen.add(v);
    }
    expect(seen.size).toBe(7);
  });

  it("samples distinct elements and hashes strings stably", () => {
    const picked = createRng(1).sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(picked).size).toBe(4);
    expect(hashString("3.1.4")).toBe(hashString("3.1.4"));
    expect(hashString("3.1.4")).not.toBe(hashString("3.1.5"));
  });
});

describe("SampleCalendar", () => {
  const cal = new SampleCalendar(start, now);

  it("places every instant strictly after start and before now", () => {
    const rng = createRng(3);
    for (let day = -5; day <= cal.lastDay + 5; day++) {
      const at = cal.instant(day, rng).getTime();
      expect(at).toBeGreaterThan(start.getTime());
      expect(at).toBeLessThan(now.getTime());
    }
  });

  it("moves weekends to weekdays without reordering days", () => {
    let previous = 0;
    for (let day = 1; day <= cal.lastDay; day++) {
      const w = cal.workday(day);
      expect([0, 6]).not.toContain(cal.date(w).getUTCDay());
      expect(w).toBeGreaterThanOrEqual(previous);
      expect(w).toBeGreaterThanOrEqual(1);
      expect(w).toBeLessThanOrEqual(cal.lastDay);
      previous = w;
    }
  });

  it("spreads days increasingly within the range", () => {
    const rng = createRng(9);
    for (let i = 0; i < 200; i++) {
      const from = rng.int(1, 200);
      const to = from + rng.int(0, 150);
      const count = rng.int(1, 8);
      const days = spreadDays(rng, from, to, count, true);
      expect(days.at(-1)).toBe(to);
      for (const [j, d] of days.entries()) {
        expect(d).toBeGreaterThanOrEqual(from);
        expect(d).toBeLessThanOrEqual(to);
        if (j > 0) expect(d).toBeGreaterThan(days[j - 1]!);
      }
      for (const d of cal.spreadWorkdays(rng, from, to, count)) expect([0, 6]).not.toContain(cal.date(d).getUTCDay());
    }
  });

  it("rounds progress to multiples of five within 0..100", () => {
    expect(roundProgress(-4)).toBe(0);
    expect(roundProgress(47.4)).toBe(45);
    expect(roundProgress(48)).toBe(50);
    expect(roundProgress(130)).toBe(100);
  });
});

describe("planTimeline", () => {
  const cal = new SampleCalendar(start, now);
  const unit = (id: number, side: "SICHUAN" | "CHONGQING") => ({
    id,
    name: `单位${id}`,
    side,
    kind: "DEPARTMENT" as const,
  });
  const item: ItemInfo = {
    id: 1,
    code: "3.1.1",
    title: "成渝中线高铁",
    pillarNumber: 3,
    recommendationTitle: "",
    regionIds: [],
  };
  const profiles: Profile[] = ["active", "lagging", "completed", "notStarted", "onHold", "cancelled"];

  it("plans events in order within the sample year, ending as the profile says", () => {
    for (let seed = 0; seed < 60; seed++) {
      const rng = createRng(seed);
      const today = cal.lastDay + 1;
      const dueDay = today + rng.int(-200, 900);
      const own: Ownership = {
        topic: "transport",
        lead: unit(1, "SICHUAN"),
        coLead: unit(2, "CHONGQING"),
        supportingUnitIds: [],
        responsiblePerson: "王建国（示例） 处长",
        weight: 2,
        startDay: dueDay - rng.int(240, 1100),
        dueDay,
        assignDay: cal.workday(rng.int(1, 12)),
      };
      const profile = profiles[seed % profiles.length]!;
      const disagreement = profile === "active" && seed % 2 === 0;
      const events = planTimeline({
        item,
        own,
        flags: {
          profile,
          stale: seed % 5 === 1,
          revise: seed % 4 === 1 && profile !== "cancelled" && profile !== "completed",
          disagreement,
          milestones: true,
        },
        cal,
        rng,
        editors: { lead: true, coLead: true },
      });

      expect(events[0]!.kind).toBe("assign");
      for (const [i, e] of events.entries()) {
        expect(e.day).toBeGreaterThanOrEqual(1);
        expect(e.day).toBeLessThanOrEqual(cal.lastDay);
        if (i > 0) expect(e.day).toBeGreaterThanOrEqual(events[i - 1]!.day);
      }
      const updates = events.filter((e) => e.kind === "update");
      expect(updates.length).toBeGreaterThanOrEqual(2);
      const last = updates.at(-1)!;
      if (profile === "completed") expect(last.status).toBe("COMPLETED");
      if (profile === "cancelled") expect(last.status).toBe("CANCELLED");
      if (profile === "notStarted") expect(updates.every((u) => u.status === "NOT_STARTED")).toBe(true);
      if (disagreement) {
        const [a, b] = updates.slice(-2);
        expect(new Set([a!.by, b!.by])).toEqual(new Set(["lead", "coLead"]));
        expect(a!.status !== b!.status || a!.confidence !== b!.confidence).toBe(true);
        expect(a!.day).toBeGreaterThan(today - 31);
      }
    }
  });

  it("is deterministic for a seed", () => {
    const own: Ownership = {
      topic: "reform",
      lead: unit(1, "SICHUAN"),
      coLead: null,
      supportingUnitIds: [],
      responsiblePerson: "李明（示例） 处长",
      weight: 1,
      startDay: -300,
      dueDay: 500,
      assignDay: 5,
    };
    const flags = { profile: "active" as const, stale: false, revise: true, disagreement: false, milestones: true };
    const plan = () =>
      planTimeline({ item, own, flags, cal, rng: createRng(11), editors: { lead: true, coLead: false } });
    expect(plan()).toEqual(plan());
  });
});
