// GET /api/v1/periods — the reporting periods, latest first, each with its fulfilment.
import { apiRoute } from "@/lib/api/guard";
import { readPeriods } from "@/lib/api/reads";
import { noQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "period:read", query: noQuerySchema }, async () => ({
  body: await readPeriods(),
}));
