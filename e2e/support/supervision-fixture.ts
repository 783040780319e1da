// A 督办 the page walks can open (/supervisions/[id]): to the unit of the walk's editor (sc.fgw), so every role
// the permission table lets read it gets the page. Made once per database, found again by its key.
import type { Sql } from "../fixtures";

const KEY = "access-walk:supervision";

export async function supervisionFixture(sql: Sql): Promise<number> {
  // Specs in parallel workers may make it at once: a number of its own year (2098: no other 督办 uses it) and
  // ON CONFLICT make the second insert a no-op, and both read the one row back by its key.
  await sql(
    `INSERT INTO supervisions (key, year, number, prefix, unit_id, reason, issued_at, issued_on, acknowledge_by, reply_by)
     SELECT $1, 2098, 1, '川渝督', unit_id, 'ITEM_OVERDUE', '2098-03-03T01:00:00Z', '2098-03-03', '2098-03-05', '2098-03-10'
       FROM users WHERE login_name = 'sc.fgw'
     ON CONFLICT DO NOTHING`,
    [KEY],
  );
  const [found] = await sql<{ id: number }>(`SELECT id FROM supervisions WHERE key = $1`, [KEY]);
  if (!found) throw new Error("the sample data has no account sc.fgw to address the walk's 督办 to");
  return found.id;
}

/** The [id] a page route's walk fills in: the walk's 督办 for /supervisions/[id], else 1. */
export async function pageId(route: string, sql: Sql): Promise<string> {
  return route.startsWith("/supervisions/") ? String(await supervisionFixture(sql)) : "1";
}
