// The pillar page's own URL parameter (besides asOf/compare): ?page=N of a pillar paged by lib/pillar-pages.ts.
// A bad value is reported on the page (which value, and why) and page 1 is shown: never an error page.
import { browseParamSchemas, type ParamIssue } from "./browse";

/** The same rule as the items list's page number (a positive integer), with the same message. */
export const pillarPageSchema = browseParamSchemas.page;

export function parsePillarPage(params: Record<string, string | string[] | undefined>): {
  page: number;
  issue: ParamIssue | null;
} {
  const raw = Array.isArray(params.page) ? params.page[0] : params.page;
  if (raw === undefined || raw.trim() === "") return { page: 1, issue: null };
  const parsed = pillarPageSchema.safeParse(raw);
  if (parsed.success) return { page: parsed.data, issue: null };
  return {
    page: 1,
    issue: {
      param: "page",
      value: raw.slice(0, 40),
      message: parsed.error.issues[0]?.message ?? "browse.invalidPage",
    },
  };
}
