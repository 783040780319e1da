// graphile-worker's log, routed to the console: warnings and errors always (a failing job says why, with the
// task and attempt), the routine messages (a worker connected, each completed job) only with JOBS_LOG=debug.
import { Logger, type LogLevel } from "graphile-worker";

export function jobLogger(verbose = process.env.JOBS_LOG === "debug"): Logger {
  return new Logger((scope) => (logLevel: LogLevel, message: string) => {
    const level = String(logLevel);
    const where = scope.label ? `jobs ${scope.label}` : "jobs";
    const task = scope.taskIdentifier ? ` ${scope.taskIdentifier}#${String(scope.jobId ?? "")}` : "";
    if (level === "error") console.error(`${where}${task}: ${message}`);
    else if (level === "warning") console.warn(`${where}${task}: ${message}`);
    else if (verbose) console.log(`${where}${task}: ${message}`);
  });
}
