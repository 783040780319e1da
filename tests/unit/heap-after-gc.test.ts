// /api/metrics' heap after the last full collection (lib/metrics.ts): the figure a leak check reads, because
// the heap at any other moment is mostly garbage not collected yet. Full collections are forced here (V8's own
// gc(), exposed for this test file), with and without 64 MB held, and the gauge must follow both ways.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { metricsText } from "@/lib/metrics";
import { parsePrometheusText, sampleValue } from "../support/prometheus-text";

setFlagsFromString("--expose-gc");
const fullCollection = runInNewContext("gc") as () => void;
const NAME = "tracker_heap_after_full_gc_bytes";
const MB = 1024 * 1024;

async function heapAfterGc(): Promise<number> {
  return sampleValue(parsePrometheusText(await metricsText()), NAME, {});
}

describe("heap after the last full collection", () => {
  it("is a gauge that rises with what a collection keeps and falls when that is let go", async () => {
    await metricsText(); // the registry (and its observer) exist from here
    fullCollection();
    await expect.poll(heapAfterGc).toBeGreaterThan(0);
    const base = await heapAfterGc();

    // 64 MB on the heap itself (arrays of doubles; a typed array's bytes would live outside it) that a collection
    // cannot free while it is held.
    let held: number[][] | null = Array.from({ length: 64 }, () => new Array<number>(MB / 8).fill(1.5));
    fullCollection();
    await expect.poll(heapAfterGc).toBeGreaterThan(base + 48 * MB);
    const holding = await heapAfterGc();
    expect(held.length).toBe(64);

    held = null;
    fullCollection();
    await expect.poll(heapAfterGc).toBeLessThan(holding - 48 * MB);
  });
});
