// The kept pages, least recently used first out, bounded by bytes. A page is served only while everything it
// was rendered from still holds: the same versions (versions.ts), the same day on the app's clock and within
// a minute of the clock at its render (what pages judge against the clock — overdue, days since an update —
// drifts no further than the aggregates' own LIVE_TTL_MS), and a session token not yet expired. For one more
// minute a page past its minute may still be served while its own re-render is under way (the data is the
// same: only the clock moved), so that the twenty people waiting on a busy page do not all wait for it.
import { PageTemplate, type Fills } from "./template";

export const PAGE_TTL_MS = 60_000;
/** how far past its render's clock a page may be served while it is being rendered again */
export const PAGE_GRACE_MS = 2 * PAGE_TTL_MS;
const CHINA_OFFSET_MS = 8 * 3_600_000;

export interface KeptPage {
  version: string;
  /** the app clock (ms) when its render began */
  clockAt: number;
  /** the session token is trusted until then (real time, ms) */
  sessionUntil: number;
  status: number;
  headers: [string, string | string[]][];
  body: PageTemplate;
  /** the nonce and request id of the response it was kept from */
  kept: Fills;
}

const chinaDay = (ms: number) => Math.floor((ms + CHINA_OFFSET_MS) / 86_400_000);

export function stillHolds(
  page: KeptPage,
  version: string,
  clock: number,
  within = PAGE_TTL_MS,
  realNow = Date.now(),
): boolean {
  return (
    page.version === version &&
    chinaDay(page.clockAt) === chinaDay(clock) &&
    Math.abs(clock - page.clockAt) < within &&
    page.sessionUntil > realNow
  );
}

export class PageStore {
  private readonly pages = new Map<string, KeptPage>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxPages = 2000,
  ) {}

  /** The page kept for `key` if it holds (`fresh`), or holds but for the clock's minute (not fresh). */
  get(key: string, version: string, clock: number): { page: KeptPage; fresh: boolean } | null {
    const page = this.pages.get(key);
    if (!page) return null;
    this.pages.delete(key);
    if (!stillHolds(page, version, clock, PAGE_GRACE_MS)) {
      this.bytes -= page.body.bytes;
      return null;
    }
    this.pages.set(key, page); // most recently used last
    return { page, fresh: stillHolds(page, version, clock) };
  }

  set(key: string, page: KeptPage): void {
    const old = this.pages.get(key);
    if (old) {
      this.pages.delete(key);
      this.bytes -= old.body.bytes;
    }
    if (page.body.bytes > this.maxBytes / 4) return; // one page never crowds out the rest
    this.pages.set(key, page);
    this.bytes += page.body.bytes;
    while (this.bytes > this.maxBytes || this.pages.size > this.maxPages) {
      const [oldestKey, oldest] = this.pages.entries().next().value as [string, KeptPage];
      this.pages.delete(oldestKey);
      this.bytes -= oldest.body.bytes;
    }
  }

  /** Drops every page of another version: after a write they can never be served again. */
  dropOtherVersions(version: string): void {
    for (const [key, page] of this.pages) {
      if (page.version !== version) {
        this.pages.delete(key);
        this.bytes -= page.body.bytes;
      }
    }
  }
}
