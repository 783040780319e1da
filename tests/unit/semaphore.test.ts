import { describe, expect, it } from "vitest";
import { Semaphore } from "@/lib/concurrency/semaphore";

/** A task that runs until released, recording when it started. */
function gatedTask(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { release, task: async () => (log.push(`start ${name}`), await done, log.push(`end ${name}`), name) };
}

describe("Semaphore", () => {
  it("runs at most `limit` tasks at once, the rest in arrival order", async () => {
    const gate = new Semaphore(2);
    const log: string[] = [];
    const tasks = ["a", "b", "c", "d"].map((n) => gatedTask(log, n));
    const results = tasks.map((t) => gate.run(t.task));
    await Promise.resolve();
    expect(log).toEqual(["start a", "start b"]);
    expect(gate.load).toEqual({ active: 2, waiting: 2 });
    tasks[1]!.release();
    await results[1];
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(["start a", "start b", "end b", "start c"]);
    tasks[0]!.release();
    tasks[2]!.release();
    tasks[3]!.release();
    expect(await Promise.all(results)).toEqual(["a", "b", "c", "d"]);
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
  });

  it("frees the slot when a task fails", async () => {
    const gate = new Semaphore(1);
    await expect(gate.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate.run(async () => 42)).toBe(42);
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
  });

  it("refuses a limit below one", () => {
    expect(() => new Semaphore(0)).toThrow(/positive limit/);
  });
});
