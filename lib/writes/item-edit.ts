// Editing an item's fields (责任人, dates, weight, regions, conferences; units only with item:assign-units): the
// one write path of the item edit page's server action (lib/actions/items.ts updateItem) and of the open API's
// PATCH /api/v1/items/{code} (lib/api/writes.ts). The input is what itemEditSchema (lib/validations/items.ts)
// makes of the form; both callers have authorised the user for item:update, and here the item is locked and the
// permission checked again against ITS units. A stale expectedVersion throws VersionConflictError; a bad id or a
// revised due date without a reason throws a Refusal with field errors. Nothing is half-written.
import type { Actor } from "../permissions";
import { failure } from "../forms/result";
import type { Prisma } from "../generated/prisma/client";
import type { ItemEditValues } from "../validations/items";
import { Refusal } from "./failure";
import { changeItem, VersionConflictError, type ItemFields, type ItemLinks } from "./item-change";
import { loadItemForWriting } from "./item-scope";
import { isoDate } from "./snapshot";

type Client = { $transaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> };

export interface EditedItem {
  code: string;
  version: number;
  /** the snapshot fields that changed (none: nothing was written) */
  changedFields: string[];
}

export async function editItem(client: Client, user: Actor, input: ItemEditValues): Promise<EditedItem> {
  return client.$transaction(async (tx) => {
    const item = await loadItemForWriting(tx, user, "item:update", input.itemId);
    if (item.version !== input.expectedVersion)
      throw new VersionConflictError(item.id, input.expectedVersion, item.version);

    // Ids must name existing rows; each unknown one is a field error, and nothing is written.
    const fieldErrors: Record<string, string[]> = {};
    const unknown = async (field: string, ids: number[], count: (ids: number[]) => Promise<number>) => {
      if (ids.length > 0 && (await count(ids)) !== ids.length) fieldErrors[field] = ["validation.unknownId"];
    };
    const countUnits = (ids: number[]) => tx.unit.count({ where: { id: { in: ids } } });
    await unknown("regionIds", input.regionIds, (ids) => tx.region.count({ where: { id: { in: ids } } }));
    await unknown("conferenceIds", input.conferenceIds, (ids) => tx.conference.count({ where: { id: { in: ids } } }));
    if (input.assignUnits) {
      await unknown("leadUnitId", input.leadUnitId ? [input.leadUnitId] : [], countUnits);
      await unknown("coLeadUnitId", input.coLeadUnitId ? [input.coLeadUnitId] : [], countUnits);
      await unknown("supportingUnitIds", input.supportingUnitIds ?? [], countUnits);
    }

    // A revised due date needs a reason; the first due date ever set stays as the original.
    const oldDue = isoDate(item.dueDate);
    const newDue = isoDate(input.dueDate);
    const dueChanged = oldDue !== newDue;
    const revised = dueChanged && oldDue !== null;
    if (revised && !input.dueDateReason) fieldErrors.dueDateReason = ["validation.reasonRequired"];
    if (Object.keys(fieldErrors).length > 0) throw new Refusal(failure("invalid", undefined, fieldErrors));

    const fields: ItemFields = {
      responsiblePerson: input.responsiblePerson,
      startDate: input.startDate,
      dueDate: input.dueDate,
      weight: input.weight,
    };
    if (dueChanged && item.originalDueDate === null) fields.originalDueDate = item.dueDate ?? input.dueDate;
    const links: ItemLinks = { regionIds: input.regionIds, conferenceIds: input.conferenceIds };
    if (input.assignUnits) {
      fields.leadUnitId = input.leadUnitId ?? null;
      fields.coLeadUnitId = input.coLeadUnitId ?? null;
      links.supportingUnitIds = input.supportingUnitIds ?? [];
    }
    const written = await changeItem(
      tx,
      item.id,
      { action: "UPDATE", expectedVersion: input.expectedVersion, fields, links },
      { actorId: user.id, reason: revised ? input.dueDateReason : null },
    );
    return { code: item.code, version: written.version, changedFields: written.changedFields };
  });
}
