// A 督办 the page walks can open (/supervisions/[id]): to the unit of the walk's editor (sc.fgw), so every role
// the permission table lets read it gets the page. Made once per database, found again by its key.
import type { Sql } from "../fixtures";

const KEY = "access-walk:supervision";

export async function supervisionFixture(sql: Sql): Promise<number> {
  const [found] = await sql<{ id: number }>(`SELECT id FROM supervisions WHERE key = $1`, [KEY]);
  if (found) return found.id;
  const [made] = await sql<{ id: number }>(
    `INSERT INTO supervisions (key, year, number, prefix, unit_id, reason, issued_at, issued_on, acknowledge_by, reply_by)
     SELECT $1, 2099, coalesce((SELECT max(number) FROM supervisions WHERE year = 2099), 0) + 1, '川渝督', unit_id,
            'ITEM_OVERDUE', '2099-03-02T01:00:00Z', '2099-03-02', '2099-03-04', '2099-03-09'
       FROM users WHERE login_name = 'sc.fgw'
     RETURNING id`,
    [KEY],
  );
  if (!made) throw new Error("the sample data has no account sc.fgw to address the walk's 督办 to");
  return made.id;
}

/** The [id] a page route's walk fills in: the walk's 督办 for /supervisions/[id], else 1. */
export async function pageId(route: string, sql: Sql): Promise<string> {
  return route.startsWith("/supervisions/") ? String(await supervisionFixture(sql)) : "1";
}
