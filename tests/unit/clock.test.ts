import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { now, resetClock, setClock } from "../../lib/clock";

describe("the clock", () => {
  const dir = mkdtempSync(join(tmpdir(), "clock-"));
  afterEach(() => {
    resetClock();
    delete process.env.TEST_CLOCK_FILE;
  });

  it("is fixed where a test fixes it, and the system time again after reset", () => {
    setClock("2027-01-31T16:00:00Z");
    expect(now().toISOString()).toBe("2027-01-31T16:00:00.000Z");
    resetClock();
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it("follows the offset in TEST_CLOCK_FILE, read on every call (how e2e specs move a running app)", () => {
    const file = join(dir, "offset");
    process.env.TEST_CLOCK_FILE = file;
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000); // no file yet: real time
    const day = 24 * 60 * 60 * 1000;
    writeFileSync(file, String(40 * day));
    expect(Math.abs(now().getTime() - (Date.now() + 40 * day))).toBeLessThan(1000);
    writeFileSync(file, "not a number");
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
    rmSync(dir, { recursive: true, force: true });
  });
});
