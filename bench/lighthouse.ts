// Lighthouse 12.2.3 (node API) on Debian's chromium, headless=new, signed in through the browser's own cookie
// jar; desktop (the desktop preset) and mobile (the default: emulated Moto G Power, slow 4G, 4× CPU slowdown).
//
// Not through Lighthouse's `extraHeaders: { Cookie }`: once a page has set a cookie of its own (proxy.ts sets
// the request id's), Chromium sends the jar's cookies instead of the extra header, so every run after the first
// measured the sign-in page. The jar survives Lighthouse's storage reset (it keeps cookies), and each run
// checks the page it ended on.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { chromium } from "playwright";
import { BROWSER_FLAGS } from "./first-load-js";

export interface LighthouseResult {
  page: string;
  path: string;
  formFactor: "desktop" | "mobile";
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  failedAudits: string[];
}

const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
/** Runs per page and form factor; the table shows the median run. */
const RUNS = 3;

export async function runLighthouse(
  baseUrl: string,
  cookies: ReadonlyMap<string, string>,
  pages: { page: string; path: string }[],
  log: (l: string) => void,
): Promise<LighthouseResult[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: ["--headless=new", ...BROWSER_FLAGS],
  });
  const out: LighthouseResult[] = [];
  try {
    await putCookiesInJar(chrome.port, baseUrl, cookies);
    // A fresh browser's first run is slow whatever the page (FCP 2.5–2.8 s on mobile against 1.0–1.3 s after):
    // one run to warm it, not counted.
    await auditOnce(baseUrl, pages[0]!.path, "mobile", chrome.port);
    for (const { page, path } of pages) {
      for (const formFactor of ["desktop", "mobile"] as const) {
        // Lighthouse's advice for a noisy machine: the median of several runs (by performance score).
        const runs: Omit<LighthouseResult, "page" | "path" | "formFactor">[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await auditOnce(baseUrl, path, formFactor, chrome.port));
        const median = [...runs].sort((a, b) => a.performance - b.performance)[Math.floor(RUNS / 2)]!;
        out.push({ page, path, formFactor, ...median });
        log(
          `  lighthouse ${page} ${formFactor}: perf ${runs.map((r) => r.performance).join(", ")} (median ${median.performance}) a11y ${median.accessibility} bp ${median.bestPractices}`,
        );
      }
    }
  } finally {
    chrome.kill();
  }
  return out;
}

/** How many times in all a run is tried whose trace Lighthouse lost (NO_NAVSTART, NO_FCP…: "run Lighthouse again"). */
const ATTEMPTS = 3;

/**
 * One Lighthouse run of `path`, checked to have measured that page (not a redirect's target). A run whose trace
 * was lost ("Please run Lighthouse again") is run again, up to ATTEMPTS in all: the page is not at fault, and one
 * such run once aborted the whole bench after eight minutes of measuring.
 */
async function auditOnce(
  baseUrl: string,
  path: string,
  formFactor: "desktop" | "mobile",
  port: number,
): Promise<Omit<LighthouseResult, "page" | "path" | "formFactor">> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await auditAttempt(baseUrl, path, formFactor, port);
    } catch (error) {
      if (!(error instanceof LostTrace) || attempt >= ATTEMPTS) throw error;
      console.warn(`${error.message}: running it again (attempt ${attempt + 1} of ${ATTEMPTS})`);
    }
  }
}

class LostTrace extends Error {}

async function auditAttempt(
  baseUrl: string,
  path: string,
  formFactor: "desktop" | "mobile",
  port: number,
): Promise<Omit<LighthouseResult, "page" | "path" | "formFactor">> {
  const runner = await lighthouse(
    new URL(path, baseUrl).toString(),
    { port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices"] },
    formFactor === "desktop" ? desktopConfig : undefined,
  );
  if (!runner) throw new Error(`lighthouse returned nothing for ${path}`);
  const { lhr } = runner;
  if (lhr.runtimeError) {
    const message = `lighthouse ${path}: ${lhr.runtimeError.message}`;
    throw /run Lighthouse again/i.test(lhr.runtimeError.message) ? new LostTrace(message) : new Error(message);
  }
  const ended = new URL(lhr.finalDisplayedUrl);
  if (`${ended.pathname}${ended.search}` !== path)
    throw new Error(
      `lighthouse ${path} (${formFactor}) ended on ${ended.pathname}${ended.search}, not the page asked for`,
    );
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const num = (id: string) => Number(lhr.audits[id]?.numericValue ?? NaN);
  const failed = Object.values(lhr.categories.accessibility?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
    .map((a) => a!.id);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    lcpMs: num("largest-contentful-paint"),
    tbtMs: num("total-blocking-time"),
    cls: num("cumulative-layout-shift"),
    fcpMs: num("first-contentful-paint"),
    failedAudits: failed,
  };
}

/** The session's cookies, set in the browser's own jar for `baseUrl` (over CDP). */
async function putCookiesInJar(port: number, baseUrl: string, cookies: ReadonlyMap<string, string>): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    await browser.contexts()[0]!.addCookies([...cookies].map(([name, value]) => ({ name, value, url: baseUrl })));
  } finally {
    // Closing a browser connected over CDP only disconnects from it: chrome-launcher's chromium runs on.
    await browser.close();
  }
}
