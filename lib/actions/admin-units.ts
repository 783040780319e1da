"use server";
// Units (牵头/配合单位) with their side (川方/渝方/共同/国家). Each change and its audit_log row share one
// transaction. Units are never deleted: items, updates and accounts keep pointing at them.
import { revalidatePath } from "next/cache";
import { db } from "../db";
import { changesBetween, changesOfNew, writeAudit } from "../writes/audit";
import { refuseField, Refusal, toFailure } from "../writes/failure";
import { authorizeForm } from "../auth/authorize";
import { failure, type ActionResult } from "../forms/result";
import { createUnitSchema, updateUnitSchema } from "../validations/admin";

const UNIQUE = { name: ["name", "admin.validation.unitNameTaken"] as [string, string] };

function done(): ActionResult {
  revalidatePath("/admin/units");
  revalidatePath("/admin/audit");
  return { ok: true, message: "admin.saved" };
}

export async function createUnit(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("unit:manage", createUnitSchema, formData);
  if (!guard.ok) return guard.failure;
  const input = guard.input;
  try {
    await db().$transaction(async (tx) => {
      const taken = await tx.unit.findUnique({ where: { name: input.name }, select: { id: true } });
      if (taken) throw refuseField("name", "admin.validation.unitNameTaken");
      const unit = await tx.unit.create({ data: input });
      await writeAudit(tx, {
        actorId: guard.user.id,
        action: "unit.create",
        targetType: "unit",
        targetId: unit.id,
        details: { label: unit.name, changes: changesOfNew(input) },
      });
    });
  } catch (error) {
    return toFailure(error, UNIQUE);
  }
  return done();
}

export async function updateUnit(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("unit:manage", updateUnitSchema, formData);
  if (!guard.ok) return guard.failure;
  const { unitId, ...input } = guard.input;
  try {
    await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM units WHERE id = ${unitId} FOR UPDATE`;
      const unit = await tx.unit.findUnique({ where: { id: unitId } });
      if (!unit) throw new Refusal(failure("not-found"));
      const changes = changesBetween(
        {
          name: unit.name,
          shortName: unit.shortName,
          side: unit.side,
          kind: unit.kind,
          contactUserId: unit.contactUserId,
        },
        input,
      );
      if (Object.keys(changes).length === 0) return;
      if (changes.name) {
        const taken = await tx.unit.findUnique({ where: { name: input.name }, select: { id: true } });
        if (taken && taken.id !== unitId) throw refuseField("name", "admin.validation.unitNameTaken");
      }
      // The 联络人 is told of the unit's 催办 and 督办: an enabled account of this very unit.
      if (changes.contactUserId && input.contactUserId !== null) {
        const contact = await tx.user.findUnique({
          where: { id: input.contactUserId },
          select: { unitId: true, disabled: true },
        });
        if (!contact || contact.unitId !== unitId || contact.disabled)
          throw refuseField("contactUserId", "admin.validation.contactNotInUnit");
      }
      await tx.unit.update({ where: { id: unitId }, data: input });
      await writeAudit(tx, {
        actorId: guard.user.id,
        action: "unit.update",
        targetType: "unit",
        targetId: unitId,
        details: { label: unit.name, changes },
      });
    });
  } catch (error) {
    return toFailure(error, UNIQUE);
  }
  return done();
}
