// `npm run test:e2e [-- playwright args]`: only the end-to-end tests (e.g. one spec while working on it),
// with the same real parts as `npm test`: a PostgreSQL server, a fresh database, the production build.
import { buildIfNeeded } from "./build";
import { root } from "./child";
import { runEndToEnd, runWithTestCluster } from "./e2e-steps";

runWithTestCluster(async (adminUrl, env) => {
  if (!buildIfNeeded(root)) return 1;
  return runEndToEnd(adminUrl, process.argv.slice(2), env);
});
