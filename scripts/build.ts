// Builds the Next.js app when the build is missing or older than the source (content hash), so `npm start`
// and `npm test` build once and then start fast.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sourceHash } from "./source-hash";

export function buildIfNeeded(root: string, log: (line: string) => void = console.log): boolean {
  const hash = sourceHash(root);
  const stamp = join(root, ".next", "source-hash");
  if (existsSync(join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash)
    return true;
  log("• building the app (first start or changed source; this takes a minute or two)…");
  const res = spawnSync(process.execPath, [join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (res.status !== 0) return false;
  writeFileSync(stamp, hash);
  return true;
}
