// Evidence file names (lib/validations/evidence.ts): kept as given (Chinese welcome), NFC-normalised; a path, a
// control character, a hidden text-direction character, nothing, or over 200 characters is refused with a
// message that exists in both languages.
import { describe, expect, it } from "vitest";
import { translator } from "../../lib/i18n/translator";
import { evidenceFileNameSchema, FILE_NAME_MAX } from "../../lib/validations/evidence";

const parse = (name: unknown) => evidenceFileNameSchema.safeParse(name);
const problem = (name: unknown) => {
  const result = parse(name);
  return result.success ? null : result.error.issues[0]!.message;
};

describe("evidence file names", () => {
  it("keeps Chinese and other names as given, trimmed and NFC-normalised", () => {
    expect(parse("关于成渝中线高铁可研评审的会议纪要（2026年11月）.pdf").data).toBe(
      "关于成渝中线高铁可研评审的会议纪要（2026年11月）.pdf",
    );
    expect(parse("  照片 1.jpg ").data).toBe("照片 1.jpg");
    // "é" typed as e + combining accent (macOS) and as one character (Windows) are the same name.
    expect(parse("re\u0301sume\u0301.docx").data).toBe("r\u00e9sum\u00e9.docx");
    expect(parse("a..b.pdf").data).toBe("a..b.pdf");
    expect(parse("x".repeat(FILE_NAME_MAX - 4) + ".pdf").success).toBe(true);
    // Length counts characters, not UTF-16 units: 200 four-byte characters are fine.
    expect(parse("😀".repeat(196) + ".pdf").success).toBe(true);
  });

  it("refuses path parts", () => {
    for (const name of ["../../etc/passwd.pdf", "dir/file.pdf", "C:\\Users\\x\\file.pdf", "..", ".", "/abs.pdf"])
      expect(problem(name), name).toBe("evidence.errors.namePath");
  });

  it("refuses control characters and hidden direction marks", () => {
    for (const name of [
      "a\u0000.pdf",
      "a\nb.pdf",
      "a\tb.pdf",
      "a\u007f.pdf",
      "a\u0085.pdf",
      "报告\u202efdp.exe",
      "x\u2066.pdf",
    ])
      expect(problem(name), JSON.stringify(name)).toBe("evidence.errors.nameControl");
  });

  it("refuses an empty name, a missing one and one over 200 characters", () => {
    expect(problem("")).toBe("evidence.errors.nameMissing");
    expect(problem("   ")).toBe("evidence.errors.nameMissing");
    expect(problem(undefined)).toBe("evidence.errors.nameMissing");
    expect(problem("文".repeat(FILE_NAME_MAX - 3) + ".pdf")).toBe("evidence.errors.nameTooLong");
  });

  it("has every message in Chinese and English", () => {
    for (const key of ["namePath", "nameControl", "nameMissing", "nameTooLong"]) {
      for (const locale of ["zh-CN", "en"] as const) {
        const text = translator(locale)(`evidence.errors.${key}`, { max: FILE_NAME_MAX });
        expect(text, `${locale} ${key}`).not.toContain("evidence.errors");
      }
    }
  });
});
