// `npm run test:e2e [-- playwright args]`: only the end-to-end tests (e.g. one spec while working on it),
// with the same real parts as `npm test`: a PostgreSQL server, a fresh database, the production build.
import { buildIfNeeded } from "./build";
import { root, stopChildren } from "./child";
import { acquireTestCluster } from "./db/test-cluster";
import { runEndToEnd } from "./e2e-steps";

async function main(): Promise<number> {
  if (!process.env.TEST_ADMIN_DATABASE_URL && process.env.DATABASE_URL)
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
  const cluster = await acquireTestCluster();
  const stop = () => {
    stopChildren();
    return cluster.stop();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => void stop().then(() => process.exit(130)));
  try {
    if (!buildIfNeeded(root)) return 1;
    const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    delete env.DATABASE_URL;
    return await runEndToEnd(cluster.adminUrl, process.argv.slice(2), env);
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
