// GET /api/v1/regions — the regions reference table.
import { apiRoute } from "@/lib/api/guard";
import { readRegions } from "@/lib/api/reads";
import { noQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "portfolio:read", query: noQuerySchema }, async () => ({
  body: await readRegions(),
}));
