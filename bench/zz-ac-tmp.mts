import { HttpSession } from "../tests/support/http-client";
import { BENCH_PASSWORD, ADMIN_LOGIN } from "./generate";
import { loadTarget } from "./load";
const s = new HttpSession("http://127.0.0.1:39401");
await s.signIn(process.env.U ?? ADMIN_LOGIN, BENCH_PASSWORD);
const cookie = s.cookieHeader();
const pid = Number(process.env.PID);
for (const path of (process.env.PATHS ?? "/,/?asOf=2025-12-08,/items?pillar=2&status=IN_PROGRESS").split(",")) {
  const r = await loadTarget("http://127.0.0.1:39401", cookie, { name: path, path, connections: 20, seconds: 4, warmupSeconds: 2 }, pid);
  console.log(path, r.reqPerSec.toFixed(0), r.p50, r.errors, r.timeouts);
}
