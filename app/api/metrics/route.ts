// GET /api/metrics — this instance's metrics in Prometheus text format (lib/metrics.ts), plus the shared job
// queue's depth read at scrape time. Only for the addresses of METRICS_ALLOW or a bearer METRICS_TOKEN
// (lib/http/metrics-access.ts); anyone else gets 403 with no detail.
import { headers } from "next/headers";
import { refreshQueueMetrics } from "@/lib/data/operations";
import { mayReadMetrics, metricsAccess } from "@/lib/http/metrics-access";
import { plainText } from "@/lib/http/plain-text";
import { logger } from "@/lib/log";
import { METRICS_CONTENT_TYPE, metricsText } from "@/lib/metrics";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const h = await headers();
  let allowed = false;
  try {
    allowed = mayReadMetrics(metricsAccess(), h.get("x-tracker-client-ip"), h.get("authorization"));
  } catch (error) {
    logger().error({ err: error }, "metrics: METRICS_ALLOW is malformed; nobody may read the metrics");
  }
  if (!allowed) return plainText(403, "Forbidden / 无权访问");
  await refreshQueueMetrics();
  return new Response(await metricsText(), {
    headers: { "Content-Type": METRICS_CONTENT_TYPE, "Cache-Control": "no-store" },
  });
}
