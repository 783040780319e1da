// GET /api/health — liveness: the process answers. No database, no session, nothing but {"status":"ok"}; a
// service manager or load balancer restarts an instance that stops answering it (readiness is /api/ready).
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
