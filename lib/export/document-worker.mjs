// A worker thread that writes report files (started and kept by lib/export/document-thread.ts): Word and PDF
// documents of a status report or of any outline (a period's 情况通报) with fixed dates, and a status report's
// Excel and CSV spreadsheets. Each is synchronous work of seconds at 10,000 items: on the server's own thread it
// stalled every other request for as long (item pages waited 13 s behind a PDF in the soak). One file at a
// time, each message one job; the worker stays for the next one, so the renderers, the fonts and the compiled
// code are loaded once, not per file.
// Plain JavaScript, so the worker starts in any Node process. Under `npm start` it runs compiled together with
// the renderers (scripts/start.mjs defines __TRACKER_COMPILED_WORKER__), so no TypeScript loader lives in the
// server; anywhere else (the tests, `next dev`) it registers tsx itself to load the renderers' TypeScript.
import { parentPort } from "node:worker_threads";

if (typeof __TRACKER_COMPILED_WORKER__ === "undefined") {
  const { register } = await import("tsx/esm/api");
  register();
  // tsx turns Node's source maps on, and Node would then read and keep the map of every renderer module it
  // loads; an error reaches the server as its message only, so the maps would serve nothing.
  process.setSourceMapsEnabled(false);
}
let pdf;
let docx;
let xlsx;
let csv;

async function render({ data, outline, fixedAt, format }) {
  if (format === "xlsx") {
    xlsx ??= await import("./xlsx.ts");
    return xlsx.renderXlsx(data);
  }
  if (format === "csv") {
    csv ??= await import("./csv.ts");
    return csv.renderCsv(data);
  }
  const options = fixedAt ? { fixedAt: new Date(fixedAt) } : {};
  if (format === "pdf") {
    pdf ??= await import("./pdf.tsx");
    return outline ? pdf.renderOutlinePdf(outline, options) : pdf.renderPdf(data);
  }
  docx ??= await import("./docx.ts");
  return outline ? docx.renderOutlineDocx(outline, options) : docx.renderDocx(data);
}

parentPort.on("message", async ({ id, job }) => {
  try {
    const bytes = await render(job);
    // A copy of its own, so the memory can be handed over rather than copied again.
    const file = new Uint8Array(bytes);
    parentPort.postMessage({ id, file }, [file.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
