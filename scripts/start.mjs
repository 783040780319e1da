// `npm start`: compiles the start script (scripts/start.ts, with what it imports from scripts/ and lib/) and the
// document worker (lib/export/document-worker.mjs, with the report renderers) into JavaScript with esbuild, then
// runs the start script. The server so runs without a TypeScript loader: under `node --import tsx`, tsx's
// loader thread (a JavaScript engine of its own) and its esbuild process stayed in the server for its whole
// life, and the document worker loaded tsx once more (bench/RESULTS.md, issue 18). Packages stay in
// node_modules (not bundled). The files are written again at every start, which takes a fraction of a second (125 ms here), each
// replaced in one step (a rename), so servers started side by side (the end-to-end tests start several) never
// read a half-written one. Plain JavaScript, so it needs no loader itself.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const root = join(import.meta.dirname, "..");
const outdir = join(root, "node_modules", ".cache", "chengyu-tracker");

let files;
try {
  const result = await esbuild.build({
    entryPoints: {
      start: join(root, "scripts", "start.ts"),
      "document-worker": join(root, "lib", "export", "document-worker.mjs"),
    },
    outdir,
    outExtension: { ".js": ".mjs" },
    write: false,
    bundle: true,
    platform: "node",
    format: "esm",
    target: `node${process.versions.node.split(".")[0]}`,
    packages: "external",
    tsconfig: join(root, "tsconfig.json"),
    define: { __TRACKER_COMPILED_WORKER__: "true" },
    logLevel: "warning",
  });
  files = result.outputFiles;
} catch {
  // esbuild has printed what it could not compile
  console.error("✖ the start script does not compile (see above)");
  process.exit(1);
} finally {
  // esbuild's service is a child process: it must not stay beside the server
  await esbuild.stop();
}
mkdirSync(outdir, { recursive: true });
const written = {};
for (const file of files) {
  const partial = `${file.path}.${process.pid}`;
  writeFileSync(partial, file.contents);
  renameSync(partial, file.path);
  written[basename(file.path)] = file.path;
}
// read by lib/export/document-thread.ts, in this process
process.env.TRACKER_COMPILED_DOCUMENT_WORKER = written["document-worker.mjs"];
await import(pathToFileURL(written["start.mjs"]).href);
