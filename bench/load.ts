// Load runs with autocannon against the running app, signed in (session cookie), with the server's memory
// sampled during each run. Every target is fetched once first and must answer 200, so a redirect to the
// sign-in page is never measured as a fast dashboard.
import autocannon from "autocannon";
import { sampleMemory } from "./app";

export interface Target {
  name: string;
  path: string;
  connections: number;
  /** seconds of measured load (ignored when `amount` is set) */
  seconds: number;
  /** a fixed number of requests instead of a duration (the export) */
  amount?: number;
  warmupSeconds: number;
}

export interface LoadResult {
  name: string;
  path: string;
  connections: number;
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  bytesPerRequest: number;
  maxRssMb: number;
  /** measured by a fixed number of requests because too few completed within the time window */
  slow: boolean;
  /** the first request of the target, alone: caches cold (the cost after a write), in ms */
  firstMs: number;
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

export async function checkTarget(
  baseUrl: string,
  cookie: string,
  path: string,
): Promise<{ bytes: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(new URL(path, baseUrl), { headers: { cookie }, redirect: "manual" });
  const body = await res.arrayBuffer();
  const ms = performance.now() - started;
  if (res.status !== 200)
    throw new Error(`${path} answered ${res.status} ${res.headers.get("location") ?? ""} before the load run`);
  return { bytes: body.byteLength, ms };
}

export async function loadTarget(
  baseUrl: string,
  cookie: string,
  target: Target,
  serverPid: number,
): Promise<LoadResult> {
  const first = await checkTarget(baseUrl, cookie, target.path);
  const common = {
    url: new URL(target.path, baseUrl).toString(),
    headers: { cookie },
    connections: target.connections,
    timeout: 60,
  };
  if (target.warmupSeconds > 0) await run({ ...common, duration: target.warmupSeconds });
  const mem = sampleMemory(serverPid);
  let r = await run(target.amount ? { ...common, amount: target.amount } : { ...common, duration: target.seconds });
  let slow = false;
  if (!target.amount && r.requests.total < target.connections) {
    // Pages slower than the window: requests still in flight at its end are not counted, which would read as
    // "0 req/s, p50 0 ms". Measure a fixed number of requests instead (each connection twice).
    slow = true;
    r = await run({ ...common, amount: target.connections * 2, timeout: 300 });
  }
  const { maxMb } = mem.stop();
  return {
    name: target.name,
    path: target.path,
    connections: target.connections,
    requests: r.requests.total,
    reqPerSec: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    mean: r.latency.average,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    bytesPerRequest: r.requests.total ? r.throughput.total / r.requests.total : 0,
    maxRssMb: maxMb,
    slow,
    firstMs: first.ms,
  };
}
