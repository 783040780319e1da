// The dashboard's client leaves receive a catalogue message once with its placeholders left in and fill it per
// row (components/dashboard/format.ts fill): a value must come out as written, whatever it holds.
import { describe, expect, it } from "vitest";
import { fill } from "../../components/dashboard/format";

describe("fill", () => {
  it("fills every placeholder it has a value for, in one pass", () => {
    expect(fill("{where}：{light} {count} 项", { where: "第1方面", light: "红灯：已逾期", count: 4 })).toBe(
      "第1方面：红灯：已逾期 4 项",
    );
    expect(fill("{count} of {count}", { count: 0 })).toBe("0 of 0");
  });

  it("reads no value as a placeholder or a replacement pattern, and leaves unknown placeholders", () => {
    expect(fill("{where}: {light}", { where: "{light} $& $1 $$", light: "红灯" })).toBe("{light} $& $1 $$: 红灯");
    expect(fill("{where} {other}", { where: "x" })).toBe("x {other}");
  });
});
