// The report's URL parameters: defaults, every scope kind, and refusals with a message naming the parameter.
import { describe, expect, it } from "vitest";
import { parseReportParams, reportSearch } from "../../lib/validations/report";

const NOW = new Date("2026-11-28T04:00:00Z"); // 12:00 in China
const parse = (q: string) => parseReportParams(new URLSearchParams(q), NOW);

describe("report parameters", () => {
  it("defaults to everything, today in China, compared with 30 days earlier, as XLSX", () => {
    expect(parse("")).toEqual({
      ok: true,
      params: { scope: { kind: "all" }, asOf: "2026-11-28", period: null, compare: "2026-10-29", format: "xlsx" },
    });
    expect(parse("asOf=2026-03-31")).toMatchObject({ ok: true, params: { asOf: "2026-03-31", compare: "2026-03-01" } });
    expect(parse("compare=none")).toMatchObject({ ok: true, params: { compare: null } });
  });

  it("reads every scope kind, by id or by the form's per-kind field", () => {
    expect(parse("scope=pillar&id=3")).toMatchObject({ params: { scope: { kind: "pillar", pillarNumber: 3 } } });
    expect(parse("scope=unit&unit=12&pillar=3")).toMatchObject({ params: { scope: { kind: "unit", unitId: 12 } } });
    expect(parse("scope=side&side=CHONGQING")).toMatchObject({
      params: { scope: { kind: "side", side: "CHONGQING" } },
    });
    expect(parse("scope=region&id=4&format=pdf")).toMatchObject({
      params: { scope: { kind: "region", regionId: 4 }, format: "pdf" },
    });
    expect(parse("scope=filters&filters=pillar%3D2%26overdue%3D1")).toMatchObject({
      params: { scope: { kind: "filters", search: "pillar=2&overdue=1" } },
    });
  });

  it("refuses bad values, naming each parameter", () => {
    const bad = parse("scope=planet&asOf=2026-02-30&format=xls");
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.issues.map((i) => [i.param, i.message])).toEqual([
      ["scope", "validation.invalidChoice"],
      ["asOf", "validation.invalidDate"],
      ["format", "validation.invalidChoice"],
    ]);
    const refused = (q: string) => {
      const r = parse(q);
      return r.ok ? null : r.issues.map((i) => `${i.param}:${i.message}`);
    };
    expect(refused("asOf=2026-11-29")).toEqual(["asOf:asOf.errors.future"]);
    expect(refused("asOf=2026-06-01&compare=2026-06-01")).toEqual(["compare:asOf.errors.compareNotEarlier"]);
    expect(refused("compare=2027-01-01")).toEqual(["compare:asOf.errors.future"]);
    expect(refused("scope=pillar")).toEqual(["id:validation.required"]);
    expect(refused("scope=unit&id=abc")).toEqual(["id:validation.notANumber"]);
    expect(refused("scope=side&id=MARS")).toEqual(["id:validation.invalidChoice"]);
  });

  it("round-trips through the query string it builds", () => {
    for (const q of [
      "scope=pillar&id=3&asOf=2026-05-01&compare=none&format=csv",
      "scope=filters&filters=status%3DIN_PROGRESS&asOf=2026-11-01&compare=2026-10-01&format=json",
    ]) {
      const first = parse(q);
      expect(first.ok).toBe(true);
      if (first.ok) expect(parse(reportSearch(first.params))).toEqual(first);
    }
  });

  describe("as of the close of a period", () => {
    const PERIODS = [
      { id: 7, label: "2026年10月", labelEn: "October 2026", closedAt: new Date("2026-11-05T16:30:00Z") }, // 11-06 00:30 China
      { id: 8, label: "2026年11月", labelEn: "November 2026", closedAt: null },
    ];
    const withPeriods = (q: string) => parseReportParams(new URLSearchParams(q), NOW, PERIODS);
    const refused = (q: string) => {
      const r = withPeriods(q);
      return r.ok ? [] : r.issues.map((i) => `${i.param}:${i.message}`);
    };

    it("takes the close instant, its day in China as asOf, and compares 30 days before that day", () => {
      expect(withPeriods("period=7&asOf=2026-01-01")).toEqual({
        ok: true,
        params: {
          scope: { kind: "all" },
          asOf: "2026-11-06",
          period: { id: 7, label: "2026年10月", labelEn: "October 2026", closedAt: "2026-11-05T16:30:00.000Z" },
          compare: "2026-10-07",
          format: "xlsx",
        },
      });
      expect(withPeriods("period=7&compare=2026-11-06")).toMatchObject({ ok: false });
      expect(withPeriods("period=")).toMatchObject({ ok: true, params: { period: null, asOf: "2026-11-28" } });
    });

    it("refuses an unknown, unclosed or malformed period, naming the parameter", () => {
      expect(refused("period=99")).toEqual(["period:reports.errors.periodUnknown"]);
      expect(refused("period=8")).toEqual(["period:reports.errors.periodNotClosed"]);
      expect(refused("period=abc")).toEqual(["period:validation.notANumber"]);
      expect(refused("period=0")).toEqual(["period:validation.unknownId"]);
      // without the list of periods (a caller that did not read them) nothing is taken on trust
      expect(parse("period=7")).toMatchObject({ ok: false });
    });

    it("round-trips through the query string it builds", () => {
      const first = withPeriods("scope=side&id=SICHUAN&period=7&compare=none&format=pdf");
      expect(first.ok).toBe(true);
      if (first.ok) {
        expect(reportSearch(first.params)).toContain("period=7");
        expect(reportSearch(first.params)).not.toContain("asOf=");
        expect(withPeriods(reportSearch(first.params))).toEqual(first);
      }
    });
  });
});
