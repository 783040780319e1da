// Builds the Next.js app when the build is missing or older than the source (content hash), so `npm start`
// and `npm test` build once and then start fast.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sourceHash } from "./source-hash";

const BUILDING = "• building the app (first start or changed source; this takes a minute or two)…";

/** The stamp to write after a successful build, or null when the build in .next is current. */
function staleBuild(root: string): { hash: string; stamp: string } | null {
  const hash = sourceHash(root);
  const stamp = join(root, ".next", "source-hash");
  if (existsSync(join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash)
    return null;
  return { hash, stamp };
}

function nextBuild(root: string): [string, string[], { cwd: string; stdio: "inherit"; env: NodeJS.ProcessEnv }] {
  return [
    process.execPath,
    [join(root, "node_modules", "next", "dist", "bin", "next"), "build"],
    { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } },
  ];
}

export function buildIfNeeded(root: string, log: (line: string) => void = console.log): boolean {
  const stale = staleBuild(root);
  if (!stale) return true;
  log(BUILDING);
  const res = spawnSync(...nextBuild(root));
  if (res.status !== 0) return false;
  writeFileSync(stale.stamp, stale.hash);
  return true;
}

/**
 * `npm start`'s build: the same, but the event loop keeps running meanwhile, so a Ctrl-C or SIGTERM is handled
 * at once (a synchronous build would hold the signal for minutes). `onStart` receives the build's process so
 * that a stop can end it; `signal` aborted before the build starts means it does not start.
 */
export async function buildIfNeededAsync(
  root: string,
  options: { onStart?: (child: ChildProcess) => void; signal?: AbortSignal; log?: (line: string) => void } = {},
): Promise<boolean> {
  const stale = staleBuild(root);
  if (!stale) return true;
  options.signal?.throwIfAborted();
  (options.log ?? console.log)(BUILDING);
  const child = spawn(...nextBuild(root));
  options.onStart?.(child);
  const code = await new Promise<number | null>((resolve) => {
    child.once("exit", (status) => resolve(status));
    child.once("error", () => resolve(null));
  });
  if (code !== 0) return false;
  writeFileSync(stale.stamp, stale.hash);
  return true;
}
