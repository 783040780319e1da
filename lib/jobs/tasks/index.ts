// The task list: each task name of payloads.ts with its handler. A handler receives the job's payload (checked
// against its schema here: a malformed payload fails the job with the reason, it never reaches the handler)
// and the runner's dependencies — the database, the clock, the renderers — so tests run them with their own.
import type { JobHelpers, TaskList } from "graphile-worker";
import type { Db } from "../../prisma-client";
import type { BulletinRenderer } from "../../report/bulletin";
import type { SupervisionRenderer } from "../../report/supervision";
import { JOB_PAYLOADS, type JobTask } from "../payloads";
import { deliverEmail } from "../../mail/deliver";
import { runScheduledBackup } from "../../writes/backups";
import { logger } from "../../log";
import { sendPendingWebhooks } from "../../webhooks/deliver";
import { cleanUpApiBookkeeping } from "../../writes/api-housekeeping";
import { tickCycle } from "./cycle-tick";

export interface JobDeps {
  db: Db;
  now: () => Date;
  renderBulletin: BulletinRenderer;
  renderSupervision: SupervisionRenderer;
  /** the database the scheduled backup dumps (the runner fills in its own connection string) */
  databaseUrl?: string;
}

let warnedConfig: string | undefined;

type Handler<T extends JobTask> = (
  payload: ReturnType<(typeof JOB_PAYLOADS)[T]["parse"]>,
  deps: JobDeps,
  helpers: JobHelpers,
) => Promise<void>;

const HANDLERS: { [T in JobTask]: Handler<T> } = {
  "cycle-tick": async (_payload, deps) => {
    const r = await tickCycle({
      client: deps.db,
      render: deps.renderBulletin,
      renderSupervision: deps.renderSupervision,
      now: deps.now,
    });
    if (r.opened.length > 0 || r.closed.length > 0)
      logger().info({ task: "cycle-tick", opened: r.opened, closed: r.closed }, "reporting periods opened or closed");
    if (r.made.length > 0 || r.rendered.length > 0)
      logger().info({ task: "cycle-tick", made: r.made.length, rendered: r.rendered }, "chase: messages made");
  },
  "email-deliver": async (_payload, deps) => {
    const r = await deliverEmail(deps.db, deps.now());
    if (r && (r.sent || r.failed || r.uncertain)) logger().info({ task: "email-deliver", ...r }, "e-mail delivered");
  },
  "backup-tick": async (_payload, deps) => {
    if (!deps.databaseUrl) throw new Error("backup-tick: the runner was started without a database URL");
    const r = await runScheduledBackup({ client: deps.db, databaseUrl: deps.databaseUrl, now: deps.now });
    if (!r.ran && r.reason === "invalid" && r.message !== warnedConfig) {
      // said once per process, not every minute; /admin shows it too
      warnedConfig = r.message;
      logger().error({ task: "backup-tick" }, `backups: not scheduled: ${r.message}`);
    }
    if (r.ran && r.ok)
      logger().info(
        { task: "backup-tick", file: r.file, size: r.size, sha256: r.sha256, removed: r.deleted.length },
        "backup written",
      );
    if (r.ran && !r.ok) logger().error({ task: "backup-tick", error: r.error }, "the scheduled backup failed");
  },
  "webhook-deliver": async (_payload, deps) => {
    const r = await sendPendingWebhooks(deps.db, deps.now());
    if (r.failed || r.retrying || r.requeued)
      logger().info({ task: "webhook-deliver", ...r }, "webhook deliveries failed or retrying");
  },
  "api-cleanup": async (_payload, deps) => {
    const r = await cleanUpApiBookkeeping(deps.db, deps.now());
    if (r.idempotencyKeys || r.rateWindows) logger().info({ task: "api-cleanup", ...r }, "API bookkeeping cleaned up");
  },
};

export function createTaskList(deps: JobDeps): TaskList {
  const list: TaskList = {};
  for (const name of Object.keys(HANDLERS) as JobTask[]) {
    list[name] = async (payload, helpers) => {
      const parsed = JOB_PAYLOADS[name].safeParse(payload);
      if (!parsed.success) throw new Error(`${name}: malformed payload: ${parsed.error.message}`);
      await (HANDLERS[name] as Handler<JobTask>)(parsed.data, deps, helpers);
    };
  }
  return list;
}
