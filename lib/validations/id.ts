// Database ids as they arrive from outside: in a form, in a URL's query, in a URL's path. An id is a positive
// PostgreSQL integer; whether it exists is checked against the database. The one definition every schema uses.
import { z } from "zod";

/** The largest PostgreSQL `integer`, so the largest id. */
export const MAX_ID = 2_147_483_647;

/** An id sent by a form (a hidden field, a select): anything but a valid id is "validation.unknownId". */
export const idField = z.coerce
  .number("validation.unknownId")
  .int("validation.unknownId")
  .positive("validation.unknownId")
  .max(MAX_ID, "validation.unknownId");

/** An id in a URL's query that the page reports when it is bad: says whether it is not a number or not whole. */
export const idParam = z.coerce
  .number({ message: "validation.notANumber" })
  .int("validation.notAnInteger")
  .min(1, "validation.unknownId")
  .max(MAX_ID, "validation.unknownId");

/** An id from the URL's path (or a query value read the same way): a positive integer, or null (404). */
export function parseId(raw: string): number | null {
  if (!/^\d{1,10}$/.test(raw)) return null;
  const n = Number(raw);
  return n > 0 && n <= MAX_ID ? n : null;
}
