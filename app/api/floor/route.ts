// GET /api/floor — the benchmark's second ceiling (bench/sample-portfolio.ts): the cheapest dynamic response of
// this very build, one query and a few bytes of HTML, no layout, no session. A page costing far more than this
// spends its time on its own work, not in the framework. Public and harmless: it shows the number of pillars.
import { countPillars } from "@/lib/data/floor";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const pillars = await countPillars();
  return new Response(`<!doctype html><html lang="zh-CN"><title>floor</title><p>${pillars}</p></html>`, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
