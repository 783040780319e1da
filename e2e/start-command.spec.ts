// The README's run command on an embedded database: first start, `kill -9`, start again, then a clean stop.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SAMPLE_PASSWORD } from "./auth";
import { expect, test } from "./fixtures";
import { freePort, isAlive } from "../scripts/db/embedded";
import { START_ARGS } from "../scripts/start-command";

const root = join(import.meta.dirname, "..");

interface Started {
  child: ChildProcess;
  output: () => string;
}

// What the tests started, stopped after each test even when an assertion failed midway.
const started: ChildProcess[] = [];
const workDirs: string[] = [];

test.afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill("SIGTERM");
    await expect.poll(() => child.exitCode !== null || child.signalCode !== null, { timeout: 30_000 }).toBe(true);
  }
  for (const dir of workDirs.splice(0)) {
    // A database orphaned by the kill -9 step, if the test stopped before the restart took it over.
    const orphan = postmasterPid(join(dir, "pg"));
    if (orphan && isAlive(orphan)) {
      process.kill(orphan, "SIGTERM");
      await expect.poll(() => isAlive(orphan), { timeout: 30_000 }).toBe(false);
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

function startApp(dataDir: string, port: number): Started {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EMBEDDED_PG_DIR: dataDir };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [...START_ARGS], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

function postmasterPid(dataDir: string): number | null {
  const file = join(dataDir, "postmaster.pid");
  return existsSync(file) ? Number(readFileSync(file, "utf8").split("\n")[0]) : null;
}

// The first start seeds the sample year (a year of the reporting cycle): minutes on a loaded machine.
test.describe.configure({ mode: "serial", timeout: 420_000 });

test("npm start serves on an embedded database, survives kill -9 and stops cleanly", async ({ page }) => {
  const request = page.request;
  const workDir = mkdtempSync(join(tmpdir(), "tracker-start-"));
  workDirs.push(workDir);
  const dataDir = join(workDir, "pg");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;

  const first = startApp(dataDir, port);
  await expect.poll(first.output, { timeout: 300_000 }).toContain("is running at");
  expect(first.output()).toContain("admin");
  // Every page needs a signed-in user: sign in with a sample account, as a person would.
  await page.goto(`${url}login`);
  await page.locator('input[name="loginName"]').fill("leader");
  await page.locator('input[name="password"]').fill(SAMPLE_PASSWORD);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
  const home = await request.get(url);
  expect(home.status()).toBe(200);
  const html = await home.text();
  for (const title of ["优化空间格局", "建体系育集群", "建强开放高地", "创机遇开新局", "完善执行机制"])
    expect(html).toContain(title);
  const orphan = postmasterPid(dataDir);
  expect(orphan).not.toBeNull();

  // kill -9 leaves PostgreSQL running without its parent; the next start must take over.
  first.child.kill("SIGKILL");
  await expect.poll(() => first.child.exitCode !== null || first.child.signalCode !== null).toBe(true);
  expect(isAlive(orphan!)).toBe(true);

  const second = startApp(dataDir, port);
  await expect.poll(second.output, { timeout: 240_000 }).toContain("is running at");
  expect(second.output()).not.toContain("sample data (示例数据) loaded");
  expect(isAlive(orphan!)).toBe(false);
  // The session secret lives in the database, so the restart signed nobody out.
  const again = await request.get(url, { maxRedirects: 0 });
  expect(again.status()).toBe(200);
  expect(await again.text()).toContain("优化空间格局");

  // A second start on the same data folder is refused and leaves the running one alone.
  const other = await startError({ PORT: String(await freePort()), EMBEDDED_PG_DIR: dataDir, DATABASE_URL: "" });
  expect(other.trim()).toMatch(/^✖ the database in .* is already in use by another running start \(pid \d+\)/);
  expect((await request.get(url)).status()).toBe(200);

  // SIGTERM stops the server and the database.
  const running = postmasterPid(dataDir);
  second.child.kill("SIGTERM");
  await expect.poll(() => second.child.exitCode, { timeout: 30_000 }).toBe(0);
  expect(isAlive(running!)).toBe(false);
});

async function startError(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, [...START_ARGS], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  await expect.poll(() => child.exitCode, { timeout: 60_000 }).toBe(1);
  return err;
}

test("a wrong setting is a one-line error, not a stack trace", async () => {
  const badUrl = await startError({ DATABASE_URL: "mysql://nope", PORT: "3000" });
  expect(badUrl.trim().split("\n")).toHaveLength(1);
  expect(badUrl).toContain("DATABASE_URL must look like postgresql://");

  const badPort = await startError({ PORT: "eighty" });
  expect(badPort.trim()).toBe("✖ PORT=eighty is not a port number (0–65535)");
});

test("a port in use is reported before anything starts", async () => {
  const port = await freePort();
  const blocker = createServer().listen(port, "127.0.0.1");
  await new Promise((r) => blocker.once("listening", r));
  try {
    const err = await startError({ PORT: String(port), DATABASE_URL: "" });
    expect(err.trim()).toBe(`✖ port ${port} is in use: set PORT to a free port`);
  } finally {
    blocker.close();
  }
});
