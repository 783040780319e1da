// The one clock. Everything that depends on the date (periods opening and closing, deadlines, lateness,
// overdue) asks `now()` here instead of `new Date()`, so tests move time instead of waiting for it:
// - in-process tests call `setClock()` / `resetClock()`;
// - an app started with TEST_CLOCK_FILE (only the end-to-end specs do this) reads an offset in milliseconds
//   from that file on every call, so a spec can move a running app's time by rewriting the file.
// Production sets neither, and `now()` is the system time.
// No static `import "node:fs"`: core modules that read the clock (lib/dates) are also bundled for the
// browser, where there is no file to read and the clock is the system time.

let fixed: (() => Date) | null = null;

function fileOffsetMs(path: string): number {
  const fs = globalThis.process?.getBuiltinModule?.("node:fs") as typeof import("node:fs") | undefined;
  if (!fs) return 0;
  try {
    const offset = Number(fs.readFileSync(path, "utf8").trim());
    return Number.isFinite(offset) ? offset : 0;
  } catch {
    return 0; // no file yet: real time
  }
}

export function now(): Date {
  if (fixed) return fixed();
  const file = globalThis.process?.env?.TEST_CLOCK_FILE;
  return file ? new Date(Date.now() + fileOffsetMs(file)) : new Date();
}

/** Tests: fix the clock at `at`, or make it run from `at` (`running: true`). */
export function setClock(at: Date | string, { running = false }: { running?: boolean } = {}): void {
  const start = new Date(at).getTime();
  if (Number.isNaN(start)) throw new RangeError(`not a moment: ${String(at)}`);
  const setAt = Date.now();
  fixed = running ? () => new Date(start + (Date.now() - setAt)) : () => new Date(start);
}

export function resetClock(): void {
  fixed = null;
}
