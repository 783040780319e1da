import { describe, expect, it } from "vitest";
import { VersionKeyedCache } from "../../lib/cache/version-keyed";

describe("VersionKeyedCache", () => {
  it("reuses a value while the version holds and recomputes when it moves", async () => {
    const cache = new VersionKeyedCache();
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cache.get("k", "1", null, compute)).toBe(1);
    expect(await cache.get("k", "1", null, compute)).toBe(1);
    expect(await cache.get("k", "2", null, compute)).toBe(2);
    expect(calls).toBe(2);
  });

  it("shares one computation between concurrent misses", async () => {
    const cache = new VersionKeyedCache();
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const compute = async () => {
      calls++;
      await gate;
      return "v";
    };
    const all = Promise.all(Array.from({ length: 20 }, () => cache.get("k", "1", null, compute)));
    release();
    expect(await all).toEqual(Array(20).fill("v"));
    expect(calls).toBe(1);
  });

  it("expires live entries after their time to live", async () => {
    const cache = new VersionKeyedCache();
    let calls = 0;
    const compute = async () => ++calls;
    await cache.get("k", "1", 1000, compute, 0);
    expect(await cache.get("k", "1", 1000, compute, 999)).toBe(1);
    expect(await cache.get("k", "1", 1000, compute, 1000)).toBe(2);
  });

  it("does not keep a failed computation", async () => {
    const cache = new VersionKeyedCache();
    await expect(cache.get("k", "1", null, async () => Promise.reject(new Error("database down")))).rejects.toThrow(
      "database down",
    );
    expect(await cache.get("k", "1", null, async () => "recovered")).toBe("recovered");
  });

  it("evicts the least recently used entry when full", async () => {
    const cache = new VersionKeyedCache(2);
    let calls = 0;
    const compute = async () => ++calls;
    await cache.get("a", "1", null, compute);
    await cache.get("b", "1", null, compute);
    await cache.get("a", "1", null, compute); // a is now the most recently used
    await cache.get("c", "1", null, compute); // evicts b
    expect(cache.size).toBe(2);
    expect(await cache.get("a", "1", null, compute)).toBe(1);
    expect(await cache.get("b", "1", null, compute)).toBe(4);
  });
});
