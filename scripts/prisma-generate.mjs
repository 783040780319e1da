// Runs `prisma generate` without letting the CLI download its schema engine.
// Prisma 7's CLI fetches a native schema engine from Prisma's own server at start, even for `generate`,
// which never uses it. Machines that only reach the npm registry would fail the install, so when no engine
// is configured we point PRISMA_SCHEMA_ENGINE_BINARY at a stub. Where the real engine is reachable (or
// configured), nothing changes.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, chmodSync, existsSync } from "node:fs";
import { join } from "node:path";

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const dir = join(process.cwd(), "node_modules", ".cache", "prisma-stub");
  const stub = join(dir, "schema-engine-stub");
  if (!existsSync(stub)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      stub,
      "#!/bin/sh\necho 'schema engine not available: migrations are applied by scripts/migrate' >&2\nexit 1\n",
    );
    chmodSync(stub, 0o755);
  }
  env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const res = spawnSync(process.execPath, [join("node_modules", "prisma", "build", "index.js"), "generate"], {
  stdio: "inherit",
  env,
});
process.exit(res.status ?? 1);
