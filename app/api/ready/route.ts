// GET /api/ready — readiness for a load balancer: 200 {"status":"ok","checks":{…}} when this instance should get
// requests, else 503 {"status":"not-ready","checks":{…}}. Each check says only "ok" or "not-ready" (serving,
// database, migrations, jobs); why is in the log. Unauthenticated and cheap: one small query.
import { getReadiness } from "@/lib/data/operations";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const { ready, checks } = await getReadiness();
  return Response.json(
    { status: ready ? "ok" : "not-ready", checks },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
