// GET /api/v1/items/{code}?asOf=&compare= — one item: units, dates, milestones, 指标 (with the latest value as of
// asOf), reports (with their files' metadata) and history. ETag: the item's version, to send back as If-Match on
// writes.
// PATCH /api/v1/items/{code} — edit the item's fields as the item edit page does (If-Match: its version).
import { apiRoute } from "@/lib/api/guard";
import { readItem } from "@/lib/api/reads";
import { patchItem } from "@/lib/api/writes";
import { asOfQuerySchema, itemPatchSchema, noQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "portfolio:read", query: asOfQuerySchema }, async ({ params, query }) => {
  const item = await readItem(params.code ?? "", query);
  return { body: item, headers: { ETag: `"${item.version}"` } };
});

export const PATCH = apiRoute(
  { permission: "item:update", write: true, ifMatch: true, query: noQuerySchema, body: itemPatchSchema },
  async ({ user, params, body, ifMatch }) => {
    const result = await patchItem(user, params.code ?? "", ifMatch!, body);
    return { body: result, headers: { ETag: `"${result.version}"` } };
  },
);
