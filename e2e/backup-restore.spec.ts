// `npm run db:backup` of the database the running app uses (other specs keep writing to it meanwhile),
// `npm run db:restore` into a new empty database, and the README's start command on the restored database
// serving a restored item. The snapshot's consistency and checksums are tested in
// tests/integration/backup-restore.test.ts; this is the commands and the app, end to end.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { adminQuery, databaseUrl } from "../scripts/db/test-cluster";
import { START_ARGS } from "../scripts/start-command";
import { HttpSession } from "../tests/support/http-client";
import { SAMPLE_PASSWORD } from "./auth";
import { expect, test } from "./fixtures";

const root = join(import.meta.dirname, "..");
const PORT = 39462; // the access/backup/faults range
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

test.afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill("SIGTERM");
    await expect.poll(() => child.exitCode !== null || child.signalCode !== null, { timeout: 30_000 }).toBe(true);
  }
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

function npm(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile("npm", ["run", "--silent", ...args], { cwd: root, env, timeout: 180_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

test.describe.configure({ timeout: 300_000 });

test("db:backup of the running app's database, db:restore into an empty one, and the app serves the restored data", async ({
  sql,
}) => {
  const admin = process.env.TEST_ADMIN_DATABASE_URL!;
  const dir = mkdtempSync(join(tmpdir(), "tracker-backup-e2e-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "tracker.dump");
  const env = { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL };

  const backup = await npm(["db:backup", "--", file], env);
  expect(backup.out).toMatch(/✔ backup .* written to/);
  expect(backup.code).toBe(0);

  const name = `restore_${randomBytes(4).toString("hex")}`;
  await adminQuery(admin, `CREATE DATABASE "${name}"`);
  cleanups.push(() => adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const restoredUrl = databaseUrl(admin, name);
  const restore = await npm(["db:restore", "--", file, "--into", restoredUrl], env);
  expect(restore.out).toMatch(/every table's row count and checksum match the dump/);
  expect(restore.code).toBe(0);

  // Clear one-line refusals: the same target again (no longer empty), a missing file, a file that is no dump.
  const again = await npm(["db:restore", "--", file, "--into", restoredUrl], env);
  expect(again.code).toBe(1);
  expect(again.out.trim()).toMatch(/^✖ the target database is not empty[^\n]*$/);
  const missing = await npm(["db:restore", "--", join(dir, "nope.dump"), "--into", restoredUrl], env);
  expect(missing.out.trim()).toMatch(/^✖ no such file: [^\n]*$/);
  const notADump = await npm(["db:restore", "--", join(root, "package.json"), "--into", restoredUrl], env);
  expect(notADump.out.trim()).toMatch(/^✖ [^\n]*(corrupt|not a tracker dump)[^\n]*$/);

  // An item as restored, read from the restored database.
  const client = new pg.Client({ connectionString: restoredUrl });
  await client.connect();
  const { rows } = await client.query<{ code: string; title: string }>(
    `SELECT code, title FROM items WHERE level = 'ACTION' AND retired_at IS NULL ORDER BY updated_at DESC, id LIMIT 1`,
  );
  await client.end();
  const item = rows[0]!;
  const [original] = await sql<{ title: string }>(`SELECT title FROM items WHERE code = $1`, [item.code]);
  expect(original?.title).toBe(item.title);

  // The README's start command on the restored database (the build is the one the e2e run made).
  const child = spawn(process.execPath, [...START_ARGS], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: restoredUrl, PORT: String(PORT), SKIP_BUILD: "true", SAMPLE_DATA: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  await expect.poll(() => out, { timeout: 120_000 }).toContain("is running at");

  const session = new HttpSession(`http://127.0.0.1:${PORT}`);
  await session.signIn("admin", SAMPLE_PASSWORD);
  const page = await session.fetch(`/items/${item.code}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain(
    item.title
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#x27;"),
  );
});
