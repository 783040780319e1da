import { describe, expect, it } from "vitest";
import { MESSAGE_FILES, messagesFor } from "../../lib/i18n/messages";

const en = messagesFor("en");
const zh = messagesFor("zh-CN");

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("message catalogues", () => {
  it("define each top-level namespace in exactly one file, the same file in both languages", () => {
    for (const files of Object.values(MESSAGE_FILES)) {
      const seen = new Map<string, string>();
      for (const [file, catalogue] of Object.entries(files)) {
        for (const ns of Object.keys(catalogue)) {
          expect(seen.get(ns), `${ns} defined in ${seen.get(ns)} and ${file}`).toBeUndefined();
          seen.set(ns, file);
        }
      }
    }
    for (const [file, catalogue] of Object.entries(MESSAGE_FILES.en)) {
      expect(Object.keys(MESSAGE_FILES["zh-CN"][file]!).sort(), file).toEqual(Object.keys(catalogue).sort());
    }
  });

  it("have the same keys in Chinese and English", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it("use the same placeholders in Chinese and English", () => {
    // A placeholder one language lacks is filled in neither from the caller's values nor flagged by tsc: next-intl
    // only logs a FORMATTING_ERROR at run time and shows the raw text.
    const leaves = (obj: object, prefix = ""): [string, string][] =>
      Object.entries(obj).flatMap(([k, v]): [string, string][] =>
        typeof v === "object" && v !== null ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]],
      );
    // An argument is {name} or {name, …}, not (in a plural or select) a branch's body (=0 {today}, other {…}); the English text may
    // use a value's English form (periodEn for period), which the caller passes beside it.
    const args = (text: string) =>
      [
        ...new Set(
          [...text.matchAll(/(=\d+\s*|\b(?:zero|one|two|few|many|other)\s*)?\{\s*([A-Za-z_]\w*)\s*[,}]/g)]
            .filter((m) => m[1] === undefined || !/,\s*(plural|select|selectordinal)\s*,/.test(text))
            .map((m) => m[2]!.replace(/En$/, "")),
        ),
      ].sort();
    const zhText = new Map(leaves(zh));
    const differ = leaves(en)
      .filter(([key, text]) => JSON.stringify(args(text)) !== JSON.stringify(args(zhText.get(key) ?? "")))
      .map(([key, text]) => `${key}: en ${args(text).join(",")} / zh ${args(zhText.get(key) ?? "").join(",")}`);
    expect(differ).toEqual([]);
  });

  it("have no empty strings and no English left in the Chinese catalogue's labels", () => {
    const flat = (obj: object): string[] =>
      Object.values(obj).flatMap((v) => (typeof v === "object" ? flat(v) : [String(v)]));
    for (const s of [...flat(en), ...flat(zh)]) expect(s.trim()).not.toBe("");
    // Every Chinese string with words in it carries at least one CJK character (pure patterns such as
    // "{name}（{side}）" have no words to translate).
    for (const s of flat(zh)) {
      const words = s.replace(/\{[^}]*\}/g, "");
      if (/[A-Za-z]/.test(words) || !/^[\p{P}\p{S}\s\d]*$/u.test(words)) expect(s, s).toMatch(/[\u4e00-\u9fff]/);
    }
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
