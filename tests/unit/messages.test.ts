import { describe, expect, it } from "vitest";
import en from "../../lib/i18n/messages/en.json";
import zh from "../../lib/i18n/messages/zh-CN.json";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("message catalogues", () => {
  it("have the same keys in Chinese and English", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it("have no empty strings and no English left in the Chinese catalogue's labels", () => {
    const flat = (obj: object): string[] => Object.values(obj).flatMap((v) => (typeof v === "object" ? flat(v) : [String(v)]));
    for (const s of [...flat(en), ...flat(zh)]) expect(s.trim()).not.toBe("");
    // Every Chinese string carries at least one CJK character.
    for (const s of flat(zh)) expect(s, s).toMatch(/[\u4e00-\u9fff]/);
  });

  it("name every status, confidence, side and history action of the schema", async () => {
    const enums = await import("../../lib/generated/prisma/enums");
    for (const [group, values] of [
      ["status", enums.ItemStatus],
      ["confidence", enums.Confidence],
      ["side", enums.Side],
      ["historyAction", enums.HistoryAction],
      ["level", enums.ItemLevel],
    ] as const) {
      for (const v of Object.values(values)) {
        expect((zh as Record<string, Record<string, string>>)[group]![v], `${group}.${v}`).toBeTruthy();
        expect((en as Record<string, Record<string, string>>)[group]![v], `${group}.${v}`).toBeTruthy();
      }
    }
  });
});
