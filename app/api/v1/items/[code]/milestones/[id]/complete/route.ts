// POST /api/v1/items/{code}/milestones/{id}/complete — mark one of the item's milestones done today (China), as
// the item edit page's milestone list does. If-Match: the item's version; Idempotency-Key: a retry writes once.
import { apiRoute } from "@/lib/api/guard";
import { completeItemMilestone } from "@/lib/api/writes";
import { noQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { permission: "item:update", write: true, ifMatch: true, query: noQuerySchema },
  async ({ user, params, ifMatch, at }) => {
    const result = await completeItemMilestone(user, params.code ?? "", params.id ?? "", ifMatch!, at);
    return { body: result, headers: { ETag: `"${result.version}"` } };
  },
);
