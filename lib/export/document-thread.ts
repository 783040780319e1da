// Word and PDF reports are laid out in a worker thread (document-worker.mjs), one worker per file: the
// server's event loop keeps answering meanwhile, the layout's memory is returned when the worker exits, and a
// runaway layout hits the worker's own heap limit or the time limit instead of the server's.
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ReportData } from "../report/types";
import { projectFile } from "./project-file";
import type { ReportOutline } from "./report-document";

export type DocumentFormat = "docx" | "pdf";

/** Heap one document may use (a 400-row PDF takes about 300 MB). */
const WORKER_HEAP_MB = 1024;
/** Longest a document may take (the largest allowed took 5 s alone, 11 s under load). */
const WORKER_TIME_LIMIT_MS = 120_000;
const ENTRY = path.join("lib", "export", "document-worker.mjs");

export class DocumentRenderError extends Error {
  override name = "DocumentRenderError";
}

export function renderDocumentInWorker(
  data: ReportData,
  format: DocumentFormat,
  timeLimitMs = WORKER_TIME_LIMIT_MS,
): Promise<Buffer> {
  return runWorker({ data, format }, format, timeLimitMs);
}

/**
 * Any outline (report-document.ts) as a document, laid out in a worker. With `fixedAt` the file's dates are
 * that moment and the same outline always gives the same bytes.
 */
export function renderOutlineInWorker(
  outline: ReportOutline,
  format: DocumentFormat,
  options: { fixedAt?: Date; timeLimitMs?: number } = {},
): Promise<Buffer> {
  return runWorker(
    { outline, format, fixedAt: options.fixedAt?.toISOString() ?? null },
    format,
    options.timeLimitMs ?? WORKER_TIME_LIMIT_MS,
  );
}

function runWorker(workerData: Record<string, unknown>, format: DocumentFormat, timeLimitMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const entry = projectFile(ENTRY, "document worker", (m) => new DocumentRenderError(m));
    const worker = new Worker(entry, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(new DocumentRenderError(`the ${format} took longer than ${timeLimitMs / 1000} s`))),
      timeLimitMs,
    );
    worker.once("message", (file: Uint8Array) =>
      settle(() => resolve(Buffer.from(file.buffer, file.byteOffset, file.byteLength))),
    );
    worker.once("error", (error) =>
      settle(() => reject(new DocumentRenderError(`the ${format} failed: ${error.message}`, { cause: error }))),
    );
    worker.once("exit", (code) =>
      settle(() => reject(new DocumentRenderError(`the ${format} worker exited (code ${code}) without a file`))),
    );
  });
}
