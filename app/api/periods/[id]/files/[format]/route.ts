// GET /api/periods/:id/files/docx|pdf — a closed period's 情况通报 as stored at its close (the database refuses
// changes to it): 403 without period:read, 404 for an unknown period, a period not closed or another format.
// The rest (ETag, 304, 401, 503) is every stored file's, lib/http/stored-file.ts.
import { getPeriodFile } from "@/lib/data/periods";
import { storedFileRoute } from "@/lib/http/stored-file";
import { BULLETIN_FORMATS } from "@/lib/report/bulletin";

export const dynamic = "force-dynamic";

export const GET = storedFileRoute({
  permission: "period:read",
  messages: "periods.errors",
  formats: BULLETIN_FORMATS,
  read: getPeriodFile,
  asciiName: (periodId, format) => `period-${periodId}-bulletin.${format}`,
});
