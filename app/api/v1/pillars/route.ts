// GET /api/v1/pillars?asOf= — the pillars with their figures and recommendations.
import { apiRoute } from "@/lib/api/guard";
import { readPillars } from "@/lib/api/reads";
import { asOfQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  { permission: "portfolio:read", query: asOfQuerySchema.omit({ compare: true }) },
  async ({ query }) => ({
    body: await readPillars(query),
  }),
);
