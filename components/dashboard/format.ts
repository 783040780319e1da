// Small display helpers shared by the dashboard widgets (on the server, and by their client leaves).
import type { AsOfSelection } from "@/lib/as-of-selection";
import type { BrowseParam } from "@/lib/validations/browse";

/** Progress with one decimal, as every dashboard figure shows it. */
export function percent(value: number | null | undefined, none: string): string {
  return value === null || value === undefined ? none : `${value.toFixed(1)}%`;
}

/**
 * A link into the items list with these filters, at the same as-of day as the dashboard. A link that states a
 * count must filter exactly what the count counts (e2e/count-links.spec.ts follows every one).
 */
export function itemsHref(
  filters: Partial<Record<BrowseParam, string | number>>,
  selection: Pick<AsOfSelection, "asOf">,
): string {
  const params = new URLSearchParams(Object.entries(filters).map(([k, v]) => [k, String(v)] as [string, string]));
  if (selection.asOf) params.set("asOf", selection.asOf);
  return `/items?${params}`;
}

/** Keeps the as-of day on links to other as-of-aware pages. */
export function withAsOf(path: string, selection: Pick<AsOfSelection, "asOf">): string {
  return selection.asOf ? `${path}?asOf=${selection.asOf}` : path;
}

/**
 * A catalogue message's {placeholders} filled in, in one pass (a value is never read as a placeholder or as a
 * replacement pattern): client leaves receive a message once, formatted with its placeholders left in, and fill
 * it per row, instead of receiving one formatted string per row.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
