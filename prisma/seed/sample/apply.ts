// Writes one item's planned sample year through changeItem / recordProgressUpdate, each change at its own
// instant, strictly increasing, so the item's history reads in order.
import type { Prisma } from "../../../lib/generated/prisma/client";
import { changeItem, type ChangeContext } from "../../../lib/writes/item-change";
import { recordProgressUpdate } from "../../../lib/writes/progress-update";
import type { SampleAccounts, SampleUser } from "./accounts";
import type { Ownership } from "./ownership";
import type { Rng, SampleCalendar } from "./random";
import type { ExtraLinks } from "./select";
import type { PlannedEvent, Reporter } from "./timeline";

type Tx = Prisma.TransactionClient;

export interface ApplyCounts {
  progressUpdates: number;
  milestones: number;
  dueDateRevisions: number;
}

export interface ApplyInput {
  itemId: number;
  own: Ownership;
  links: ExtraLinks;
  events: PlannedEvent[];
  accounts: SampleAccounts;
  cal: SampleCalendar;
  rng: Rng;
}

export async function applyTimeline(tx: Tx, input: ApplyInput, counts: ApplyCounts): Promise<void> {
  const { itemId, own, links, events, accounts, cal, rng } = input;
  const users: Record<Reporter, SampleUser> = {
    lead: accounts.editorByUnit.get(own.lead.id) ?? accounts.admin,
    coLead: (own.coLead && accounts.editorByUnit.get(own.coLead.id)) || accounts.admin,
    admin: accounts.admin,
  };
  const owner = users.lead;

  let previous = 0;
  for (const event of events) {
    let at = cal.instant(event.day, rng).getTime();
    if (at <= previous) at = previous + rng.int(3, 40) * 60_000;
    if (at >= cal.now.getTime()) throw new Error(`sample change for item ${itemId} would be dated after now`);
    previous = at;
    const ctx = (actor: SampleUser, reason?: string): ChangeContext => ({
      actorId: actor.id,
      at: new Date(at),
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
        break;
      case "milestones": {
        const data = event.milestones.map((m) => ({ itemId, ...m, createdAt: new Date(at) }));
        await changeItem(
          tx,
          itemId,
          { action: "MILESTONE", mutate: async (t) => void (await t.milestone.createMany({ data })) },
          ctx(owner),
        );
        counts.milestones += data.length;
        break;
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
        break;
      }
      case "revise":
        await changeItem(
          tx,
          itemId,
          { action: "UPDATE", fields: { dueDate: event.dueDate } },
          ctx(accounts.admin, event.reason),
        );
        counts.dueDateRevisions++;
        break;
      case "update": {
        const author = users[event.by];
        await recordProgressUpdate(
          tx,
          {
            itemId,
            authorId: author.id,
            unitId: author.unit?.id ?? null,
            status: event.status,
            progress: event.progress,
            confidence: event.confidence,
            note: event.note,
            nextSteps: event.nextSteps,
            blockers: event.blockers,
            evidenceLinks: event.evidenceLinks,
          },
          ctx(author),
        );
        counts.progressUpdates++;
        break;
      }
    }
  }
}
