// GET /api/v1/dashboard?asOf= — the dashboard's headline figures and each pillar's (lib/api/reads.ts).
import { apiRoute } from "@/lib/api/guard";
import { readDashboard } from "@/lib/api/reads";
import { asOfQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  { permission: "portfolio:read", query: asOfQuerySchema.omit({ compare: true }) },
  async ({ query }) => ({
    body: await readDashboard(query),
  }),
);
