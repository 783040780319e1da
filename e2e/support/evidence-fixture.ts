// The rows the access walks need before they can ask for a route that reads one: an evidence file (a small PDF
// on the sample data's oldest approved report), made once per database and found again by its name.
import { createHash } from "node:crypto";
import type { Sql } from "../fixtures";

const NAME = "访问矩阵佐证材料.pdf";

export async function evidenceFixture(sql: Sql): Promise<number> {
  const [found] = await sql<{ id: number }>(`SELECT id FROM attachments WHERE file_name = $1 ORDER BY id LIMIT 1`, [
    NAME,
  ]);
  if (found) return found.id;
  const content = Buffer.from("%PDF-1.4\n% access walk evidence\n%%EOF\n");
  const [made] = await sql<{ id: number }>(
    `INSERT INTO attachments (report_id, file_name, media_type, size, sha256, content)
     SELECT id, $1, 'application/pdf', $2, $3, $4 FROM progress_updates WHERE state = 'APPROVED' ORDER BY id LIMIT 1
     RETURNING id`,
    [NAME, content.length, createHash("sha256").update(content).digest("hex"), content],
  );
  if (!made) throw new Error("the sample data has no approved report to attach the walk's evidence file to");
  return made.id;
}

/** The handler's paths with the rows they name filled in. */
export async function routePaths(paths: string[], sql: Sql): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths)
    out.push(path.includes("{evidence}") ? path.replace("{evidence}", String(await evidenceFixture(sql))) : path);
  return out;
}
