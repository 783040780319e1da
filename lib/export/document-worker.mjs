// A worker thread that lays out one Word or PDF document (started by lib/export/document-thread.ts): a status
// report from its data, or any outline (a period's 情况通报) with fixed dates. Laying out a document is
// synchronous work of seconds: on the server's own thread it stalled every other request for as long (item
// pages waited 13 s behind a PDF in the soak). Plain JavaScript, so the worker starts in any Node process, with
// or without a TypeScript loader; it registers tsx itself to load the renderers.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { data, outline, fixedAt, format } = workerData;
const options = fixedAt ? { fixedAt: new Date(fixedAt) } : {};
let bytes;
if (format === "pdf") {
  const pdf = await import("./pdf.tsx");
  bytes = outline ? await pdf.renderOutlinePdf(outline, options) : await pdf.renderPdf(data);
} else {
  const docx = await import("./docx.ts");
  bytes = outline ? await docx.renderOutlineDocx(outline, options) : await docx.renderDocx(data);
}
// A copy of its own, so the memory can be handed over rather than copied again.
const file = new Uint8Array(bytes);
parentPort.postMessage(file, [file.buffer]);
