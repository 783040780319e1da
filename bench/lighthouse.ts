// Lighthouse 12.2.3 (node API) on Debian's chromium, headless=new, signed in through an extra Cookie header;
// desktop (the desktop preset) and mobile (the default: emulated Moto G Power, slow 4G, 4× CPU slowdown).
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
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

export async function runLighthouse(
  baseUrl: string,
  cookie: string,
  pages: { page: string; path: string }[],
  log: (l: string) => void,
): Promise<LighthouseResult[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: ["--headless=new", ...BROWSER_FLAGS],
  });
  const out: LighthouseResult[] = [];
  try {
    for (const { page, path } of pages) {
      for (const formFactor of ["desktop", "mobile"] as const) {
        const runner = await lighthouse(
          new URL(path, baseUrl).toString(),
          {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance", "accessibility", "best-practices"],
            extraHeaders: { Cookie: cookie },
          },
          formFactor === "desktop" ? desktopConfig : undefined,
        );
        if (!runner) throw new Error(`lighthouse returned nothing for ${path}`);
        const { lhr } = runner;
        if (lhr.runtimeError) throw new Error(`lighthouse ${path}: ${lhr.runtimeError.message}`);
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const num = (id: string) => Number(lhr.audits[id]?.numericValue ?? NaN);
        const failed = Object.values(lhr.categories.accessibility?.auditRefs ?? [])
          .map((ref) => lhr.audits[ref.id])
          .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
          .map((a) => a!.id);
        out.push({
          page,
          path,
          formFactor,
          performance: score("performance"),
          accessibility: score("accessibility"),
          bestPractices: score("best-practices"),
          lcpMs: num("largest-contentful-paint"),
          tbtMs: num("total-blocking-time"),
          cls: num("cumulative-layout-shift"),
          fcpMs: num("first-contentful-paint"),
          failedAudits: failed,
        });
        log(
          `  lighthouse ${page} ${formFactor}: perf ${score("performance")} a11y ${score("accessibility")} bp ${score("best-practices")}`,
        );
      }
    }
  } finally {
    chrome.kill();
  }
  return out;
}
