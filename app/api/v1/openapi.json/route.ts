// GET /api/v1/openapi.json — the API's OpenAPI 3.1 document (lib/api/openapi.ts). Public: it describes the API
// and holds no data; every other /api/v1 route needs a token.
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-static";

export function GET(): Response {
  return new Response(JSON.stringify(openApiDocument()), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
