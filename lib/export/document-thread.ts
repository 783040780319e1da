// Report files are written in a worker thread (document-worker.mjs): Word and PDF documents, and the Excel and
// CSV spreadsheets too (at 10,000 items the workbook is 1.6 s of CPU and the CSV one synchronous step of up to
// 1 s, which stalled every page the server was answering). The server's event loop keeps answering meanwhile,
// and a runaway layout hits the worker's own heap limit or the time limit instead of the server's. A worker
// that finished its document is kept warm for the next one for a while (KEEP_WARM_MS): starting one loads the
// renderers and fonts and compiles them again, which was 2.4 s of the 3.7 s a 10,000-item PDF took in a fresh
// worker. After that idle time it exits and its memory goes back.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { outsideRequests } from "../outside-requests";
import type { ReportData } from "../report/types";
import { projectFile } from "./project-file";
import type { ReportOutline } from "./report-document";

export type DocumentFormat = "docx" | "pdf";
/** What the worker writes from a report's data: the documents and the spreadsheets. */
export type WorkerReportFormat = DocumentFormat | "xlsx" | "csv";

/** Heap one worker may use (a 400-row PDF takes about 300 MB). */
const WORKER_HEAP_MB = 1024;
/** Longest a document may take (the largest allowed took 5 s alone, 11 s under load). */
const WORKER_TIME_LIMIT_MS = 120_000;
/** How long a worker waits for its next document before it exits. */
const KEEP_WARM_MS = 60_000;
/** Workers kept waiting at most: one; a second document at the same time gets a worker of its own, not kept. */
const KEEP_WARM_WORKERS = 1;
const ENTRY = path.join("lib", "export", "document-worker.mjs");

export class DocumentRenderError extends Error {
  override name = "DocumentRenderError";
}

interface Job {
  data?: ReportData;
  outline?: ReportOutline;
  fixedAt?: string | null;
  format: WorkerReportFormat;
}

type Reply = { id: number; file: Uint8Array } | { id: number; error: string };

interface Pool {
  idle: { worker: Worker; timer: NodeJS.Timeout }[];
  started: number;
  jobs: number;
  keepWarmMs: number;
}

// One pool per process, whichever bundle of the server imports this module.
const globalForPool = globalThis as unknown as { __trackerDocumentWorkers?: Pool };
const pool = (): Pool =>
  (globalForPool.__trackerDocumentWorkers ??= { idle: [], started: 0, jobs: 0, keepWarmMs: KEEP_WARM_MS });

export function renderDocumentInWorker(
  data: ReportData,
  format: WorkerReportFormat,
  timeLimitMs = WORKER_TIME_LIMIT_MS,
): Promise<Buffer> {
  return run({ data, format }, timeLimitMs);
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
  return run(
    { outline, format, fixedAt: options.fixedAt?.toISOString() ?? null },
    options.timeLimitMs ?? WORKER_TIME_LIMIT_MS,
  );
}

/** Workers started and waiting, for tests and diagnostics. */
export function documentWorkers(): { started: number; waiting: number } {
  const p = pool();
  return { started: p.started, waiting: p.idle.length };
}

/** How long a finished worker waits for the next document (tests shorten it); returns the previous value. */
export function keepDocumentWorkersWarmFor(ms: number): number {
  const p = pool();
  const previous = p.keepWarmMs;
  p.keepWarmMs = ms;
  return previous;
}

function take(): Worker {
  const p = pool();
  const kept = p.idle.pop();
  if (kept) {
    clearTimeout(kept.timer);
    kept.worker.ref();
    return kept.worker;
  }
  // `npm start` compiles the worker with its renderers and says where (scripts/start.mjs).
  const entry =
    process.env.TRACKER_COMPILED_DOCUMENT_WORKER ??
    projectFile(ENTRY, "document worker", (m) => new DocumentRenderError(m));
  // A kept worker outlives the request that started it (lib/outside-requests.ts).
  const worker = outsideRequests(
    () => new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }),
  );
  // A kept worker that dies on its own (out of memory, a crash) is no longer offered.
  worker.once("exit", () => {
    p.idle = p.idle.filter((k) => k.worker !== worker);
  });
  // A job's own listener reports its failure; this one keeps an error between jobs from going unhandled.
  worker.on("error", () => undefined);
  p.started += 1;
  return worker;
}

/** A worker done with its document waits for the next one, unless enough are waiting already. */
function giveBack(worker: Worker): void {
  const p = pool();
  if (p.idle.length >= KEEP_WARM_WORKERS || p.keepWarmMs <= 0) {
    void worker.terminate();
    return;
  }
  const timer = setTimeout(() => {
    p.idle = p.idle.filter((k) => k.worker !== worker);
    void worker.terminate();
  }, p.keepWarmMs);
  timer.unref();
  // A waiting worker does not keep the process alive (a script or a test run ends when its work does).
  worker.unref();
  p.idle.push({ worker, timer });
}

// async: a worker that cannot start (its entry file missing) is a rejected promise like any other failure.
async function run(job: Job, timeLimitMs: number): Promise<Buffer> {
  const { format } = job;
  const worker = take();
  const id = ++pool().jobs;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void, keep: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      if (keep) giveBack(worker);
      else void worker.terminate();
      outcome();
    };
    const onMessage = (reply: Reply) => {
      if (reply.id !== id) return;
      if ("error" in reply) settle(() => reject(new DocumentRenderError(`the ${format} failed: ${reply.error}`)), true);
      else {
        const { file } = reply;
        settle(() => resolve(Buffer.from(file.buffer, file.byteOffset, file.byteLength)), true);
      }
    };
    const onError = (error: Error) =>
      settle(() => reject(new DocumentRenderError(`the ${format} failed: ${error.message}`, { cause: error })), false);
    const onExit = (code: number) =>
      settle(() => reject(new DocumentRenderError(`the ${format} worker exited (code ${code}) without a file`)), false);
    // A layout past its limit may never return: the worker is stopped, not kept.
    const timer = setTimeout(
      () =>
        settle(() => reject(new DocumentRenderError(`the ${format} took longer than ${timeLimitMs / 1000} s`)), false),
      timeLimitMs,
    );
    worker.on("message", onMessage);
    worker.once("error", onError);
    worker.once("exit", onExit);
    worker.postMessage({ id, job });
  });
}
