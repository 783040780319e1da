// A form as a page would post it to a server action.

type Value = string | number;

/** FormData of `fields`: an array as one entry per value (a checklist), null and undefined left out. */
export function form(fields: Record<string, Value | Value[] | null | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) data.append(key, String(one));
  }
  return data;
}
