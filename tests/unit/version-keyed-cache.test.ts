import { AsyncLocalStorage } from "node:async_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { VersionKeyedCache } from "../../lib/cache/version-keyed";

/** A full garbage collection, without starting the test process with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

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

  it("keeps a value without the request it was computed in", async () => {
    // As Next answers a page: the request's state in an AsyncLocalStorage, which every promise made meanwhile
    // carries. A kept value must not keep that state (the whole request and its response) alive with it.
    const requestStore = new AsyncLocalStorage<{ response: number[] }>();
    const cache = new VersionKeyedCache();
    let request: WeakRef<object> | undefined;
    await (async () => {
      const state = { response: new Array<number>(10_000).fill(1) };
      request = new WeakRef(state);
      const value = await requestStore.run(state, () => cache.get("k", "1", null, async () => ({ figure: 42 })));
      expect(value).toEqual({ figure: 42 });
    })();
    await new Promise((resolve) => setImmediate(resolve)); // past the job that made the WeakRef
    collectGarbage();
    expect(request!.deref(), "the request's state was collected").toBeUndefined();
    expect(await cache.get("k", "1", null, () => Promise.reject(new Error("recomputed")))).toEqual({ figure: 42 });
  });
});
