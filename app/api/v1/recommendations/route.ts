// GET /api/v1/recommendations — the items list restricted to recommendations (工作建议), same parameters.
import { apiRoute } from "@/lib/api/guard";
import { readItems } from "@/lib/api/reads";
import { recommendationsQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  { permission: "portfolio:read", query: recommendationsQuerySchema },
  async ({ request }) => ({
    body: await readItems(Object.fromEntries(new URL(request.url).searchParams), { level: "RECOMMENDATION" }),
  }),
);
