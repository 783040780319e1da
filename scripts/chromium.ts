// Which Chromium the end-to-end tests drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else none
// (Playwright then uses its own downloaded browser).
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export function chromiumExecutable(): string | undefined {
  const given = process.env.CHROMIUM_PATH;
  if (given) return given;
  return CANDIDATES.find((p) => existsSync(p));
}

/** Flags for a quiet headless Chromium in a container: no sandbox or GPU, no background traffic or updates. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
