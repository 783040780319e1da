// The large portfolio for a benchmark run: generated once into a template database named after a hash of
// everything that shapes it (generator, migrations, document seed), then cloned for each run (CREATE
// DATABASE … TEMPLATE takes seconds; generating takes minutes), so runs stay within their time budget and
// each starts from the same data even though the soak writes to it.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { root } from "./app";
import { generate } from "./generate";
import type { Counts } from "./generator/check";
import { counts } from "./generator/check";
import { adminQuery, type BenchServer } from "./pg";
import pg from "pg";

const INPUTS = [
  "bench/generate.ts",
  "bench/generator",
  "prisma/migrations",
  "prisma/seed/document",
  "prisma/seed/run.ts",
];

function files(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).flatMap((e) => files(join(path, e)));
}

export function generatorHash(): string {
  const h = createHash("sha256");
  for (const f of INPUTS.flatMap((i) => files(join(root, i))).sort())
    h.update(relative(root, f)).update(readFileSync(f));
  return h.digest("hex").slice(0, 12);
}

export interface Dataset {
  url: string;
  database: string;
  template: string;
  reused: boolean;
  generateSeconds: number;
  cloneSeconds: number;
  counts: Counts;
}

async function exists(adminUrl: string, name: string): Promise<boolean> {
  return ((await adminQuery(adminUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount ?? 0) > 0;
}

export async function prepareDataset(server: BenchServer, runDb: string, log: (l: string) => void): Promise<Dataset> {
  const template = `bench_tpl_${generatorHash()}`;
  let reused = true;
  let generateSeconds = 0;
  if (!(await exists(server.adminUrl, template))) {
    reused = false;
    const building = `${template}_building`;
    await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${building}"`);
    log(`generating the large portfolio into ${template} (first run with this generator; ~2–3 min)…`);
    const result = await generate(server.urlFor(building), { create: true, log: (l) => log(`  ${l}`) });
    generateSeconds = result.seconds;
    // Only a complete, checked database gets the template's name.
    await adminQuery(server.adminUrl, `ALTER DATABASE "${building}" RENAME TO "${template}"`);
    const old = await adminQuery(
      server.adminUrl,
      "SELECT datname FROM pg_database WHERE datname LIKE 'bench_tpl_%' AND datname <> $1",
      [template],
    );
    for (const r of old.rows as { datname: string }[])
      await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${r.datname}"`);
  } else {
    log(`reusing the generated portfolio ${template} (generator unchanged)`);
  }
  const began = Date.now();
  await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${runDb}" WITH (FORCE)`);
  await adminQuery(server.adminUrl, `CREATE DATABASE "${runDb}" TEMPLATE "${template}"`);
  const cloneSeconds = (Date.now() - began) / 1000;
  const url = server.urlFor(runDb);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const n = await counts(c);
  await c.end();
  return { url, database: runDb, template, reused, generateSeconds, cloneSeconds, counts: n };
}
