// A submitted form as one plain object for its zod schema.

/**
 * The fields of a form: multi-valued fields (`arrayKeys`) as arrays, every other field as its first value.
 * Every value a form sends is a string; files and React's own "$ACTION" fields are left out.
 */
export function formFields(formData: FormData, arrayKeys: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // A hand-made request can decode to anything; what is not a form reads as an empty one (→ "required").
  const keys = formData instanceof FormData ? formData.keys() : [];
  for (const key of new Set(keys)) {
    if (key.startsWith("$ACTION")) continue;
    // PostgreSQL text cannot hold U+0000 (the write would fail as "unavailable"); it is invisible, so drop it.
    const values = formData
      .getAll(key)
      .filter((v): v is string => typeof v === "string")
      .map((v) => v.replaceAll("\u0000", ""));
    if (arrayKeys.includes(key)) out[key] = values;
    else if (values.length > 0) out[key] = values[0];
  }
  for (const key of arrayKeys) out[key] ??= [];
  return out;
}
