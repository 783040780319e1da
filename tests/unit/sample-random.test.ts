// The sample dataset's randomness and calendar: deterministic for a seed, and every change it plans lies
// strictly after `start`, not after `now`, on a weekday, in order; its reports fall inside their periods.
import { describe, expect, it } from "vitest";
import {
  createRng,
  hashString,
  isoDay,
  mulberry32,
  roundProgress,
  SampleCalendar,
  spreadDays,
} from "../../prisma/seed/sample/random";
import { evidencePdf } from "../../prisma/seed/sample/evidence";
import type { ItemInfo, Ownership } from "../../prisma/seed/sample/ownership";
import { samplePeriods, sampleStartFor } from "../../prisma/seed/sample/periods";
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

describe("samplePeriods", () => {
  it("lays out as many closed months as the start leaves room for, then the current one", () => {
    for (const months of [12, 2, 5]) {
      const slots = samplePeriods(new SampleCalendar(sampleStartFor(now, months), now), 25);
      expect(slots).toHaveLength(months + 1);
      expect(slots.filter((p) => p.current).map((p) => p.index)).toEqual([months]);
      expect(slots.at(-1)!.label).toContain("2026年11月");
    }
  });
});

describe("planTimeline", () => {
  const cal = new SampleCalendar(sampleStartFor(now), now);
  const periods = samplePeriods(cal, 25);
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
    excerpt: "加快推进成渝中线高铁、成达万高铁、川藏铁路成都枢纽引入线等铁路项目建设",
    pillarNumber: 3,
    recommendationTitle: "",
    regionIds: [],
  };
  const profiles: Profile[] = ["active", "lagging", "completed", "notStarted", "onHold", "cancelled"];
  const habit = { missing: 0.1, late: 0.15, returned: 0.15 };

  it("lays out twelve closed monthly periods before now's month and the current one", () => {
    expect(periods).toHaveLength(13);
    expect(periods.map((p) => p.label).slice(0, 2)).toEqual(["2025年11月", "2025年12月"]);
    expect(periods.at(-1)).toMatchObject({ label: "2026年11月", current: true, closeAt: null, deadline: "2026-11-25" });
    for (const [i, p] of periods.entries()) {
      expect(isoDay(cal.date(p.opensDay))).toBe(p.opensOn);
      expect(isoDay(cal.date(p.closesDay))).toBe(p.closesOn);
      if (i > 0) expect(p.opensDay).toBe(periods[i - 1]!.closesDay + 1);
      if (p.closeAt !== null) expect(p.closeAt).toBeLessThan(periods[i + 1]!.openAt);
    }
  });

  it("plans each obligation's report inside its period, in order, ending as the profile says", () => {
    const kinds = new Set<string>();
    for (let seed = 0; seed < 60; seed++) {
      const rng = createRng(seed);
      const today = cal.lastDay + 1;
      const dueDay = today + rng.int(-200, 900);
      const own: Ownership = {
        topic: "transport",
        kind: "construction",
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
      const { events, reports } = planTimeline({
        item,
        own,
        flags: {
          profile,
          stale: seed % 5 === 1 && !disagreement,
          revise: seed % 4 === 1 && profile !== "cancelled" && profile !== "completed",
          disagreement,
          milestones: true,
        },
        cal,
        rng,
        periods,
        habits: { lead: habit, coLead: habit },
      });

      expect(events[0]!.kind).toBe("assign");
      expect(events[0]!.day).toBeLessThan(periods[0]!.opensDay);
      // One clock for the item: every change and report step at its own instant, on its day, before now.
      const instants = [...events, ...reports.flatMap((r) => r.steps)].map((e) => e.at).sort((a, b) => a - b);
      expect(new Set(instants).size).toBe(instants.length);
      for (const e of [...events, ...reports.flatMap((r) => r.steps)]) {
        expect(e.day).toBeGreaterThanOrEqual(1);
        expect(e.day).toBeLessThanOrEqual(cal.lastDay);
        expect(isoDay(new Date(e.at + 8 * 3_600_000))).toBe(isoDay(cal.date(e.day)));
        expect(e.at).toBeLessThan(now.getTime());
      }
      for (const r of reports) {
        const p = periods[r.period]!;
        expect(r.steps[0]!.kind).toBe("submit");
        expect(r.steps[0]!.day).toBeGreaterThanOrEqual(p.opensDay);
        expect(r.steps[0]!.day).toBeLessThanOrEqual(p.closesDay);
        for (let i = 1; i < r.steps.length; i++) {
          expect(r.steps[i]!.at).toBeGreaterThan(r.steps[i - 1]!.at);
          // A decision follows a submission; a submission follows a return.
          expect(r.steps[i]!.kind === "submit").toBe(r.steps[i - 1]!.kind === "return");
        }
        kinds.add(r.steps.map((s) => s.kind).join(">"));
      }
      const submitted = reports
        .flatMap((r) => r.steps.map((s) => ({ ...s, by: r.by })))
        .filter((s) => s.kind === "submit")
        .sort((a, b) => a.at - b.at);
      expect(submitted.length).toBeGreaterThanOrEqual(4);
      const last = submitted.at(-1)!;
      if (last.kind !== "submit") throw new Error("unreachable");
      if (profile === "completed") {
        expect(last.content).toMatchObject({ status: "COMPLETED", closesItem: true, progress: 100 });
        expect(last.content.docNumber).toMatch(/^川.+〔\d{4}〕\d+号$/);
        const closing = reports.find((r) => r.steps.some((s) => s.at === last.at))!;
        // The 销号 report carries the proof of a construction item, from its first submission if it was returned
        // for more and submitted again with the supplement.
        const files = closing.steps.flatMap((s) => (s.kind === "submit" ? s.evidence.map((f) => f.fileName) : []));
        expect(files).toContain("验收报告.pdf");
        expect(closing.steps.at(-1)!.kind).toBe("approve");
      }
      if (profile === "cancelled") expect(last.content.status).toBe("CANCELLED");
      if (profile === "notStarted")
        expect(submitted.every((s) => s.kind === "submit" && s.content.status === "NOT_STARTED")).toBe(true);
      if (disagreement) {
        // Both sides reported, differently, in the last closed period, and neither since.
        const lastClosed = reports.filter((r) => r.period === periods.length - 2);
        expect(new Set(lastClosed.map((r) => r.by))).toEqual(new Set(["lead", "coLead"]));
        const [a, b] = lastClosed.map((r) => r.steps[0]!).map((s) => (s.kind === "submit" ? s.content : null));
        expect(a!.status !== b!.status || a!.confidence !== b!.confidence).toBe(true);
        expect(reports.some((r) => r.period === periods.length - 1)).toBe(false);
      }
    }
    // Over these items: reports approved, returned and revised within the period, and returned and left open.
    expect(kinds).toContain("submit>approve");
    expect(kinds).toContain("submit>return>submit>approve");
    expect(kinds).toContain("submit>return");
  });

  it("is deterministic for a seed", () => {
    const own: Ownership = {
      topic: "reform",
      kind: "reform",
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
      planTimeline({ item, own, flags, cal, rng: createRng(11), periods, habits: { lead: habit, coLead: null } });
    expect(plan()).toEqual(plan());
  });
});

describe("evidencePdf", () => {
  it("makes a PDF whose cross-reference table points at its objects", () => {
    const pdf = evidencePdf({
      title: "验收报告（示例）",
      lines: ["事项：3.1.1", "本文件为示例数据，不代表真实情况。"],
    });
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-1.4")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    const startxref = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe("xref");
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(7);
    offsets.forEach((o, i) => expect(text.slice(o, o + 8)).toBe(`${i + 1} 0 obj\n`.slice(0, 8)));
    // The Chinese title as UTF-16BE (验 = U+9A8C).
    expect(text).toContain("<9A8C");
  });
});
