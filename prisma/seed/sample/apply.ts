// Writes the planned sample year through the app's own code, in the order it happens: one queue of every item's
// changes (changeItem), every report step (lib/writes/reports.ts saveDraft / submit / returnReport / approve,
// evidence through lib/writes/attachments.ts addAttachment) and the periods opening (openDuePeriods) and
// closing (closeDuePeriods, which freezes the outcomes, item states and 情况通报), each at its own instant.
// Everything runs in the seed's one transaction: the period functions, which open transactions of their own,
// are handed a client whose $transaction runs in it.
import type { Prisma } from "../../../lib/generated/prisma/client";
import type { Db } from "../../../lib/prisma-client";
import type { Actor } from "../../../lib/permissions";
import { addAttachment } from "../../../lib/writes/attachments";
import { changeItem, type ChangeContext } from "../../../lib/writes/item-change";
import { renderMissingFiles } from "../../../lib/writes/chase";
import { closeDuePeriods } from "../../../lib/writes/period-close";
import { openDuePeriods } from "../../../lib/writes/periods";
import { approve, returnReport, reviewRequired, saveDraft, submit } from "../../../lib/writes/reports";
import { loadWorkCalendar } from "../../../lib/queries/chase-calendar";
import { todayInChina } from "../../../lib/dates";
import type { SampleAccounts, SampleUser } from "./accounts";
import { renderBulletinHere, renderSupervisionHere } from "./bulletins";
import { chaseDay, chaseDays, chaseInstant, emptyChaseCounts, type ChaseCounts } from "./chase";
import { evidencePdf } from "./evidence";
import type { Ownership } from "./ownership";
import type { PeriodSlot } from "./periods";
import { createRng, hashString } from "./random";
import type { ExtraLinks } from "./select";
import type { ItemPlan, PlannedEvent, PlannedReport, ReportStep } from "./timeline";

type Tx = Prisma.TransactionClient;

export interface ApplyCounts extends ChaseCounts {
  /** seconds the 督办通知单 files took to lay out (bench/SEED.md) */
  supervisionFileSeconds: number;
  progressUpdates: number;
  milestones: number;
  dueDateRevisions: number;
  periodsOpened: number;
  periodsClosed: number;
  submissions: number;
  returns: number;
  approvals: number;
  closeOuts: number;
  attachments: number;
}

export const emptyCounts = (): ApplyCounts => ({
  supervisionFileSeconds: 0,
  progressUpdates: 0,
  milestones: 0,
  dueDateRevisions: 0,
  periodsOpened: 0,
  periodsClosed: 0,
  submissions: 0,
  returns: 0,
  approvals: 0,
  closeOuts: 0,
  attachments: 0,
  ...emptyChaseCounts(),
});

export interface ItemRun {
  itemId: number;
  code: string;
  own: Ownership;
  links: ExtraLinks;
  plan: ItemPlan;
}

export interface YearInput {
  items: ItemRun[];
  accounts: SampleAccounts;
  periods: PeriodSlot[];
  now: Date;
}

/** `tx` as a client whose transactions are `tx` itself: the period functions then write in the seed's. */
function inTransaction(tx: Tx): Db {
  return new Proxy(tx, {
    get(target, property) {
      if (property === "$transaction") return (fn: (t: Tx) => Promise<unknown>) => fn(target);
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as Db;
}

const actorOf = (user: SampleUser): Actor => ({
  id: user.id,
  role: user.role,
  unitId: user.unit?.id ?? null,
  coordinatorScope: user.coordinatorScope,
});

interface Queued {
  at: number;
  /** period closes, then opens, then the chase, then everything else at the same instant */
  order: number;
  run: () => Promise<void>;
}

/** Queue order of steps at the same instant. */
const ORDER = { close: 0, open: 1, chase: 2, step: 3 } as const;

export async function applyYear(tx: Tx, input: YearInput, counts: ApplyCounts): Promise<void> {
  const { accounts, periods, now } = input;
  if (!(await reviewRequired(tx))) throw new Error("sample data: the reporting cycle must have review on");
  const client = inTransaction(tx);
  const queue: Queued[] = [];

  for (const p of periods) {
    if (p.openAt < now.getTime())
      queue.push({ at: p.openAt, order: ORDER.open, run: () => openPeriod(tx, client, p, counts) });
    if (p.closeAt !== null && p.closeAt < now.getTime())
      queue.push({ at: p.closeAt, order: ORDER.close, run: () => closePeriod(client, p, counts) });
  }
  for (const item of input.items) {
    for (const event of item.plan.events)
      queue.push({ at: event.at, order: ORDER.step, run: () => applyEvent(tx, item, event, accounts, counts) });
    for (const report of item.plan.reports) {
      const ref: ReportRef = { id: null, revision: null, closesItem: false };
      const unit = report.by === "lead" ? item.own.lead : item.own.coLead!;
      const author = accounts.editorByUnit.get(unit.id);
      if (!author) throw new Error(`sample data: no editor for ${unit.name}`);
      const decider = deciderOf(accounts, unit.side, `${item.code}:${report.key}`);
      for (const step of report.steps)
        queue.push({
          at: step.at,
          order: ORDER.step,
          run: () => applyStep(tx, { itemId: item.itemId, report, step, ref, author, decider }, counts),
        });
    }
  }
  // The chase, each working day from the first period's opening on, as the cycle tick runs it; what its people
  // do about it (签收, 反馈, reading) joins the queue as the chase makes it.
  const cal = await loadWorkCalendar(tx);
  const chase = {
    tx,
    client,
    cal,
    accounts,
    now: now.getTime(),
    counts,
    schedule: (step: { at: number; run: () => Promise<void> }) => insert({ ...step, order: ORDER.step }),
  };
  for (const day of chaseDays(cal, periods[0]!.opensOn, todayInChina(now))) {
    const at = chaseInstant(day);
    if (at < now.getTime()) queue.push({ at, order: ORDER.chase, run: () => chaseDay(chase, day) });
  }

  // Stable: steps of one item keep their (strictly increasing) instants' order.
  const before = (a: Queued, b: Queued) => a.at - b.at || a.order - b.order;
  queue.sort(before);
  let next = 0;
  /** A step made by an earlier one (always later than it): into its place among those still to run. */
  function insert(q: Queued): void {
    let lo = next;
    let hi = queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(queue[mid]!, q) <= 0) lo = mid + 1;
      else hi = mid;
    }
    queue.splice(lo, 0, q);
  }
  while (next < queue.length) await queue[next++]!.run();

  // The 督办通知单 files, as the job runner would lay them out after each chase (ten a run), all of them now: an
  // app started on the sample then has none left to lay out before its own.
  const t0 = performance.now();
  while ((await renderMissingFiles(client, renderSupervisionHere)).length > 0);
  counts.supervisionFileSeconds = Math.round((performance.now() - t0) / 100) / 10;
}

async function openPeriod(tx: Tx, client: Db, p: PeriodSlot, counts: ApplyCounts): Promise<void> {
  const opened = await openDuePeriods(client, new Date(p.openAt));
  const rows = await tx.reportingPeriod.findMany({ where: { id: { in: opened } }, select: { id: true, label: true } });
  if (rows.length !== 1 || rows[0]!.label !== p.label)
    throw new Error(`sample data: opening ${p.label} opened ${rows.map((r) => r.label).join(", ") || "nothing"}`);
  // Sample periods are 示例数据 like everything else the sample writes (marked while still open).
  await tx.reportingPeriod.update({ where: { id: rows[0]!.id }, data: { isSample: true } });
  counts.periodsOpened++;
}

async function closePeriod(client: Db, p: PeriodSlot, counts: ApplyCounts): Promise<void> {
  const closed = await closeDuePeriods(client, new Date(p.closeAt!), renderBulletinHere);
  if (closed.length !== 1) throw new Error(`sample data: closing ${p.label} closed ${closed.length} periods`);
  counts.periodsClosed++;
}

/** Who decides a unit's reports: its side's coordinator, now and then the 联合办公室's. */
function deciderOf(accounts: SampleAccounts, side: string, key: string): SampleUser {
  const { coordinators } = accounts;
  if (side !== "SICHUAN" && side !== "CHONGQING") return coordinators.JOINT;
  return createRng(hashString(`decider:${key}`)).chance(0.15) ? coordinators.JOINT : coordinators[side];
}

interface ReportRef {
  id: number | null;
  revision: number | null;
  /** what it was last submitted as asks for 销号 */
  closesItem: boolean;
}

async function applyStep(
  tx: Tx,
  s: {
    itemId: number;
    report: PlannedReport;
    step: ReportStep;
    ref: ReportRef;
    author: SampleUser;
    decider: SampleUser;
  },
  counts: ApplyCounts,
): Promise<void> {
  const { itemId, step, ref, author } = s;
  switch (step.kind) {
    case "submit": {
      const actor = actorOf(author);
      let at = step.at;
      if (step.evidence.length > 0) {
        // Evidence goes on a draft (or on the returned report) before it is submitted.
        if (ref.id === null) {
          const draft = await saveDraft(tx, actor, { itemId, content: step.content, isSample: true }, new Date(at));
          ref.id = draft.reportId;
          ref.revision = draft.revision;
          at += 30_000;
        }
        for (const file of step.evidence) {
          await addAttachment(tx, {
            reportId: ref.id,
            fileName: file.fileName,
            bytes: evidencePdf(file),
            uploadedById: author.id,
            at: new Date(at),
          });
          counts.attachments++;
          at += 30_000;
        }
      }
      const result = await submit(
        tx,
        actor,
        { itemId, reportId: ref.id, expectedRevision: ref.revision, content: step.content, isSample: true },
        new Date(at),
        { reviewRequired: true },
      );
      if (ref.id === null) counts.progressUpdates++;
      ref.id = result.reportId;
      ref.revision = result.revision;
      ref.closesItem = step.content.closesItem && step.content.status === "COMPLETED";
      counts.submissions++;
      return;
    }
    case "return": {
      const result = await returnReport(
        tx,
        actorOf(s.decider),
        { reportId: ref.id!, expectedRevision: ref.revision!, comment: step.comment },
        new Date(step.at),
      );
      ref.revision = result.revision;
      counts.returns++;
      return;
    }
    case "approve": {
      const result = await approve(
        tx,
        actorOf(s.decider),
        { reportId: ref.id!, expectedRevision: ref.revision!, comment: step.comment },
        new Date(step.at),
      );
      ref.revision = result.revision;
      counts.approvals++;
      if (ref.closesItem) counts.closeOuts++;
      return;
    }
  }
}

async function applyEvent(
  tx: Tx,
  item: ItemRun,
  event: PlannedEvent,
  accounts: SampleAccounts,
  counts: ApplyCounts,
): Promise<void> {
  const { itemId, own, links } = item;
  const owner = accounts.editorByUnit.get(own.lead.id) ?? accounts.admin;
  const ctx = (actor: SampleUser, reason?: string): ChangeContext => ({
    actorId: actor.id,
    at: new Date(event.at),
    reason: reason ?? null,
    isSample: true,
  });
  switch (event.kind) {
    case "assign":
      await changeItem(
        tx,
        itemId,
        {
          action: "UPDATE",
          fields: {
            leadUnitId: own.lead.id,
            coLeadUnitId: own.coLead?.id ?? null,
            responsiblePerson: own.responsiblePerson,
            weight: own.weight,
            startDate: event.startDate,
            dueDate: event.dueDate,
            originalDueDate: event.dueDate,
          },
          links: {
            supportingUnitIds: own.supportingUnitIds,
            ...(links.regionIds ? { regionIds: links.regionIds } : {}),
            ...(links.conferenceIds.length > 0 ? { conferenceIds: links.conferenceIds } : {}),
          },
        },
        ctx(accounts.admin),
      );
      return;
    case "milestones": {
      const data = event.milestones.map((m) => ({ itemId, ...m, createdAt: new Date(event.at) }));
      await changeItem(
        tx,
        itemId,
        { action: "MILESTONE", mutate: async (t) => void (await t.milestone.createMany({ data })) },
        ctx(owner),
      );
      counts.milestones += data.length;
      return;
    }
    case "milestoneDone": {
      const { sortOrder, completedDate } = event;
      await changeItem(
        tx,
        itemId,
        {
          action: "MILESTONE",
          mutate: async (t) =>
            void (await t.milestone.updateMany({ where: { itemId, sortOrder }, data: { completedDate } })),
        },
        ctx(owner),
      );
      return;
    }
    case "revise":
      await changeItem(
        tx,
        itemId,
        { action: "UPDATE", fields: { dueDate: event.dueDate } },
        ctx(accounts.admin, event.reason),
      );
      counts.dueDateRevisions++;
      return;
  }
}
