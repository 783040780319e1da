// The task list: each task name of payloads.ts with its handler. A handler receives the job's payload (checked
// against its schema here: a malformed payload fails the job with the reason, it never reaches the handler)
// and the runner's dependencies — the database, the clock, the renderers — so tests run them with their own.
import type { JobHelpers, TaskList } from "graphile-worker";
import type { Db } from "../../prisma-client";
import type { BulletinRenderer } from "../../report/bulletin";
import type { SupervisionRenderer } from "../../report/supervision";
import { JOB_PAYLOADS, type JobTask } from "../payloads";
import { deliverEmail } from "../../mail/deliver";
import { logger } from "../../log";
import { tickCycle } from "./cycle-tick";

export interface JobDeps {
  db: Db;
  now: () => Date;
  renderBulletin: BulletinRenderer;
  renderSupervision: SupervisionRenderer;
}

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
