// The report's URL parameters: defaults, every scope kind, and refusals with a message naming the parameter.
import { describe, expect, it } from "vitest";
import { parseReportParams, reportSearch } from "../../lib/validations/report";

const NOW = new Date("2026-11-28T04:00:00Z"); // 12:00 in China
const parse = (q: string) => parseReportParams(new URLSearchParams(q), NOW);

describe("report parameters", () => {
  it("defaults to everything, today in China, compared with 30 days earlier, as XLSX", () => {
    expect(parse("")).toEqual({
      ok: true,
      params: { scope: { kind: "all" }, asOf: "2026-11-28", compare: "2026-10-29", format: "xlsx" },
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
});
