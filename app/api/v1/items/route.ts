// GET /api/v1/items — the items list: the list page's filters and sorting, cursor paging, asOf and compare.
import { apiRoute } from "@/lib/api/guard";
import { readItems } from "@/lib/api/reads";
import { itemsQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "portfolio:read", query: itemsQuerySchema }, async ({ request }) => ({
  body: await readItems(Object.fromEntries(new URL(request.url).searchParams)),
}));
