// Number and date text for the report preview (the same rounding as the documents: one decimal).
export const percent = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)}%`);
export const chinaDateTime = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
