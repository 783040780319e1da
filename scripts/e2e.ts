// `npm run test:e2e [-- playwright args]`: only the end-to-end tests (e.g. one spec while working on it),
// with the same real parts as `npm test`: a PostgreSQL server, a fresh database, the production build.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { buildIfNeeded } from "./build";
import { acquireTestCluster, adminQuery } from "./db/test-cluster";

const root = join(import.meta.dirname, "..");

async function main(): Promise<number> {
  if (!process.env.TEST_ADMIN_DATABASE_URL && process.env.DATABASE_URL) process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
  const cluster = await acquireTestCluster();
  let child: ReturnType<typeof spawn> | undefined;
  const stop = () => {
    child?.kill("SIGTERM");
    return cluster.stop();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop().then(() => process.exit(130)));
  try {
    if (!buildIfNeeded(root)) return 1;
    const e2eDb = `e2e_${process.pid}_${Date.now()}`;
    await adminQuery(cluster.adminUrl, `CREATE DATABASE "${e2eDb}"`);
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, TEST_ADMIN_DATABASE_URL: cluster.adminUrl, E2E_DATABASE: e2eDb, NEXT_TELEMETRY_DISABLED: "1" };
      delete env.DATABASE_URL;
      return await new Promise<number>((resolve) => {
        child = spawn(join(root, "node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], { cwd: root, stdio: "inherit", env });
        child!.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
      });
    } finally {
      await adminQuery(cluster.adminUrl, `DROP DATABASE IF EXISTS "${e2eDb}" WITH (FORCE)`).catch(() => undefined);
    }
  } finally {
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
