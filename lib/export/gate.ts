// How many reports one process builds at once. A report of a 10,000-item portfolio holds its data (~30 MB)
// and its renderer's working memory (up to ~200 MB for the PDF) for seconds; two at a time keeps a second
// person from waiting behind a long PDF while a burst of exports cannot stack up the process's memory.
import { Semaphore } from "../concurrency/semaphore";

export const REPORTS_AT_ONCE = 2;

const globalForGate = globalThis as unknown as { __trackerReportGate?: Semaphore };

export function reportGate(): Semaphore {
  globalForGate.__trackerReportGate ??= new Semaphore(REPORTS_AT_ONCE);
  return globalForGate.__trackerReportGate;
}
