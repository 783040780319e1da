// GET /api/v1/items/{code}?asOf=&compare= — one item: units, dates, milestones, reports (with their files'
// metadata) and history. ETag: the item's version, to send back as If-Match on writes.
import { apiRoute } from "@/lib/api/guard";
import { readItem } from "@/lib/api/reads";
import { asOfQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "portfolio:read", query: asOfQuerySchema }, async ({ params, query }) => {
  const item = await readItem(params.code ?? "", query);
  return { body: item, headers: { ETag: `"${item.version}"` } };
});
