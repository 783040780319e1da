// GET /api/v1/periods/{id} — one reporting period with its fulfilment in all, by side and by unit.
import { apiRoute, ApiProblem } from "@/lib/api/guard";
import { readPeriod } from "@/lib/api/reads";
import { noQuerySchema } from "@/lib/validations/api";
import { parseId } from "@/lib/validations/id";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "period:read", query: noQuerySchema }, async ({ params }) => {
  const id = parseId(params.id ?? "");
  if (id === null) throw new ApiProblem("not-found");
  return { body: await readPeriod(id) };
});
