// POST /api/v1/items/{code}/reports — submit a progress report (进展填报), as the item page's report form does.
// If-Match: the item's version (its ETag); Idempotency-Key: a retry never submits twice.
import { apiRoute } from "@/lib/api/guard";
import { submitReport } from "@/lib/api/writes";
import { noQuerySchema, reportBodySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { permission: "item:post-update", write: true, ifMatch: true, query: noQuerySchema, body: reportBodySchema },
  async ({ user, params, body, ifMatch }) => {
    const result = await submitReport(user, params.code ?? "", ifMatch!, body);
    return { status: 201, body: result, headers: { ETag: `"${result.version}"` } };
  },
);
