// First-load JavaScript per route: each route loaded once in Chromium (Debian's, signed in), every script
// response of that first load collected, and its body gzipped here (level 6) so the figure does not depend on
// how the server happened to encode it. Also reports the bytes actually transferred for those scripts.
import { gzipSync } from "node:zlib";
import { chromium } from "playwright";
import { CHROMIUM_FLAGS, chromiumExecutable } from "../scripts/chromium";

export interface FirstLoadResult {
  route: string;
  path: string;
  scripts: number;
  rawKb: number;
  gzipKb: number;
}

export const BROWSER_FLAGS = [...CHROMIUM_FLAGS, "--disable-dev-shm-usage"];

export async function firstLoadJs(
  baseUrl: string,
  sessionCookie: { name: string; value: string },
  routes: { route: string; path: string }[],
): Promise<FirstLoadResult[]> {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: BROWSER_FLAGS });
  const out: FirstLoadResult[] = [];
  try {
    for (const { route, path } of routes) {
      // A fresh context per route: nothing cached from the previous one.
      const context = await browser.newContext({ locale: "zh-CN" });
      await context.addCookies([{ name: sessionCookie.name, value: sessionCookie.value, url: baseUrl }]);
      const page = await context.newPage();
      const bodies: Promise<Buffer | null>[] = [];
      page.on("response", (res) => {
        if (res.request().resourceType() === "script") bodies.push(res.body().catch(() => null));
      });
      const response = await page.goto(new URL(path, baseUrl).toString(), {
        waitUntil: "networkidle",
        timeout: 120_000,
      });
      if (!response || response.status() !== 200 || new URL(page.url()).pathname === "/login") {
        throw new Error(`${path}: first load answered ${response?.status()} at ${page.url()}`);
      }
      const buffers = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
      out.push({
        route,
        path,
        scripts: buffers.length,
        rawKb: buffers.reduce((s, b) => s + b.length, 0) / 1024,
        gzipKb: buffers.reduce((s, b) => s + gzipSync(b, { level: 6 }).length, 0) / 1024,
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}
