import { describe, expect, it } from "vitest";
import { passwordProblems } from "../../lib/validations/password";
import { safeCallbackUrl } from "../../lib/validations/auth";

describe("password rules", () => {
  it("accepts a long password with three kinds of character", () => {
    expect(passwordProblems("Chengyu#2026")).toEqual([]);
    expect(passwordProblems("chengyu#2026x")).toEqual([]);
  });
  it("names each problem", () => {
    expect(passwordProblems("Ab1#")).toContain("validation.passwordTooShort");
    expect(passwordProblems("abcdefghijkl")).toEqual(["validation.passwordClasses"]);
    expect(passwordProblems("x".repeat(129) + "A1")).toContain("validation.passwordTooLong");
    expect(passwordProblems("Sc.fgw#2026xx", "sc.fgw")).toEqual(["validation.passwordContainsLogin"]);
  });
});

describe("sign-in return address", () => {
  it("keeps paths on this site and refuses everything else", () => {
    expect(safeCallbackUrl("/items?pillar=2")).toBe("/items?pillar=2");
    for (const bad of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "/login?x",
      "/api/auth/signout",
      42,
      undefined,
    ]) {
      expect(safeCallbackUrl(bad), String(bad)).toBe("/");
    }
  });
});
