// Number text for the report preview (the same rounding as the documents: one decimal).
export const percent = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)}%`);
