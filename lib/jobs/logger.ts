// graphile-worker's log, routed to the process's JSON log (lib/log.ts): warnings and errors always (a failing job
// says why, with the task and attempt), the routine messages (a worker connected, each completed job) only with
// JOBS_LOG=debug.
import { Logger, type LogLevel } from "graphile-worker";
import { logger } from "../log";

export function jobLogger(verbose = process.env.JOBS_LOG === "debug"): Logger {
  return new Logger((scope) => (logLevel: LogLevel, message: string) => {
    const level = String(logLevel);
    const fields = {
      component: scope.label ? `jobs ${scope.label}` : "jobs",
      ...(scope.taskIdentifier ? { task: scope.taskIdentifier, jobId: String(scope.jobId ?? "") } : {}),
    };
    if (level === "error") logger().error(fields, message);
    else if (level === "warning") logger().warn(fields, message);
    else if (verbose) logger().info(fields, message);
  });
}
