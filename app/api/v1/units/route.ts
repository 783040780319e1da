// GET /api/v1/units — the units reference table.
import { apiRoute } from "@/lib/api/guard";
import { readUnits } from "@/lib/api/reads";
import { noQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "portfolio:read", query: noQuerySchema }, async () => ({
  body: await readUnits(),
}));
