// A worker thread that lays out one Word or PDF report (started by lib/export/document-thread.ts). Laying out a
// document is synchronous work of seconds: on the server's own thread it stalled every other request for as
// long (item pages waited 13 s behind a PDF in the soak). Plain JavaScript, so the worker starts in any Node
// process, with or without a TypeScript loader; it registers tsx itself to load the renderers.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { data, format } = workerData;
const bytes =
  format === "pdf"
    ? await (await import("./pdf.tsx")).renderPdf(data)
    : await (await import("./docx.ts")).renderDocx(data);
// A copy of its own, so the memory can be handed over rather than copied again.
const file = new Uint8Array(bytes);
parentPort.postMessage(file, [file.buffer]);
