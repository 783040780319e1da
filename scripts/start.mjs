// `npm start`: compiles the start script (scripts/start.ts, with what it imports from scripts/ and lib/) into
// one JavaScript file with esbuild, then runs that. The server so runs without a TypeScript loader: under
// `node --import tsx`, tsx's loader thread (a JavaScript engine of its own) and its esbuild process stayed in
// the server for its whole life (bench/RESULTS.md, issue 18). Packages stay in node_modules (not bundled). The
// file is written again at every start, which takes well under a second, and replaced in one step (a rename),
// so servers started side by side (the end-to-end tests start several) never read a half-written one.
// Plain JavaScript, so it needs no loader itself.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const root = join(import.meta.dirname, "..");
const compiled = join(root, "node_modules", ".cache", "chengyu-tracker", "start.mjs");

let code;
try {
  const result = await esbuild.build({
    entryPoints: [join(root, "scripts", "start.ts")],
    outfile: compiled,
    write: false,
    bundle: true,
    platform: "node",
    format: "esm",
    target: `node${process.versions.node.split(".")[0]}`,
    packages: "external",
    tsconfig: join(root, "tsconfig.json"),
    logLevel: "warning",
  });
  code = result.outputFiles[0].contents;
} catch {
  // esbuild has printed what it could not compile
  console.error("✖ the start script does not compile (see above)");
  process.exit(1);
} finally {
  // esbuild's service is a child process: it must not stay beside the server
  await esbuild.stop();
}
mkdirSync(dirname(compiled), { recursive: true });
const partial = `${compiled}.${process.pid}`;
writeFileSync(partial, code);
renameSync(partial, compiled);
await import(pathToFileURL(compiled).href);
