"use server";
// Accounts: create, edit (name, role, unit), disable/enable, reset password, approve a pending OIDC request.
// Each change and its audit_log row share one transaction; a change that narrows what a person may do
// (disable, new password, other role or unit) bumps sessionVersion so sessions issued before it end.
import { revalidatePath } from "next/cache";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { changesBetween, changesOfNew, writeAudit } from "../writes/audit";
import { refuseField, Refusal, toFailure } from "../writes/failure";
import { authorizeForm } from "../auth/authorize";
import { failure, invalid, type ActionResult } from "../forms/result";
import { hashPassword } from "../password";
import {
  approveUserSchema,
  createUserSchema,
  newPasswordSchema,
  resetPasswordSchema,
  setUserDisabledSchema,
  updateUserSchema,
} from "../validations/admin";

type Tx = Prisma.TransactionClient;

const UNIQUE = { login_name: ["loginName", "admin.validation.loginNameTaken"] as [string, string] };

async function unitName(tx: Tx, unitId: number | null): Promise<string | null> {
  if (unitId === null) return null;
  const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { name: true } });
  if (!unit) throw refuseField("unitId", "validation.unknownId");
  return unit.name;
}

async function loadUser(tx: Tx, userId: number) {
  // FOR UPDATE: two administrators editing the same account queue instead of overwriting each other's audit trail.
  await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
  const user = await tx.user.findUnique({ where: { id: userId }, include: { unit: { select: { name: true } } } });
  if (!user) throw new Refusal(failure("not-found"));
  return user;
}

/**
 * Refuses a change that would leave no enabled administrator (nobody could manage accounts any more).
 * Locks every active administrator row first, so two administrators demoting each other at once cannot
 * both pass the check.
 */
async function keepAnActiveAdmin(tx: Tx, userId: number, after: { role: Role; disabled: boolean }): Promise<void> {
  const admins = await tx.$queryRaw<
    { id: number }[]
  >`SELECT id FROM users WHERE role = 'ADMIN' AND NOT disabled ORDER BY id FOR UPDATE`;
  const remaining = admins.filter((a) => a.id !== userId).length + (after.role === "ADMIN" && !after.disabled ? 1 : 0);
  if (remaining === 0) throw new Refusal(failure("invalid", "admin.users.errors.lastAdmin"));
}

function done(): ActionResult {
  revalidatePath("/admin/users");
  revalidatePath("/admin/audit");
  return { ok: true, message: "admin.saved" };
}

export async function createUser(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("user:manage", createUserSchema, formData);
  if (!guard.ok) return guard.failure;
  const input = guard.input;
  try {
    const passwordHash = await hashPassword(input.password);
    await db().$transaction(async (tx) => {
      // Sign-in matches login names case-insensitively, so "Admin" would shadow "admin".
      const taken = await tx.user.findFirst({
        where: { loginName: { equals: input.loginName, mode: "insensitive" } },
        select: { id: true },
      });
      if (taken) throw refuseField("loginName", "admin.validation.loginNameTaken");
      const unit = await unitName(tx, input.unitId);
      const user = await tx.user.create({
        data: {
          loginName: input.loginName,
          displayName: input.displayName,
          role: input.role,
          unitId: input.unitId,
          coordinatorScope: input.coordinatorScope,
          passwordHash,
        },
      });
      await writeAudit(tx, {
        actorId: guard.user.id,
        action: "user.create",
        targetType: "user",
        targetId: user.id,
        details: {
          label: user.loginName,
          changes: changesOfNew({
            loginName: user.loginName,
            displayName: user.displayName,
            role: user.role,
            unit,
            ...(user.coordinatorScope ? { coordinatorScope: user.coordinatorScope } : {}),
          }),
        },
      });
    });
  } catch (error) {
    return toFailure(error, UNIQUE);
  }
  return done();
}

export async function updateUser(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("user:manage", updateUserSchema, formData);
  if (!guard.ok) return guard.failure;
  const input = guard.input;
  try {
    await db().$transaction(async (tx) => {
      const user = await loadUser(tx, input.userId);
      if (user.pendingApproval) throw new Refusal(failure("invalid", "admin.users.errors.pending"));
      const unit = await unitName(tx, input.unitId);
      const changes = changesBetween(
        {
          displayName: user.displayName,
          role: user.role,
          unit: user.unit?.name ?? null,
          coordinatorScope: user.coordinatorScope,
          email: user.email,
        },
        {
          displayName: input.displayName,
          role: input.role,
          unit,
          coordinatorScope: input.coordinatorScope,
          email: input.email,
        },
      );
      if (Object.keys(changes).length === 0) return;
      if (user.role === "ADMIN" && input.role !== "ADMIN")
        await keepAnActiveAdmin(tx, user.id, { role: input.role, disabled: user.disabled });
      const narrowed =
        user.role !== input.role || user.unitId !== input.unitId || user.coordinatorScope !== input.coordinatorScope;
      await tx.user.update({
        where: { id: user.id },
        data: {
          displayName: input.displayName,
          role: input.role,
          unitId: input.unitId,
          coordinatorScope: input.coordinatorScope,
          ...(input.email !== undefined ? { email: input.email } : {}),
          ...(narrowed ? { sessionVersion: { increment: 1 } } : {}),
        },
      });
      await writeAudit(tx, {
        actorId: guard.user.id,
        action: "user.update",
        targetType: "user",
        targetId: user.id,
        details: { label: user.loginName, changes },
      });
    });
  } catch (error) {
    return toFailure(error);
  }
  return done();
}

export async function setUserDisabled(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("user:manage", setUserDisabledSchema, formData);
  if (!guard.ok) return guard.failure;
  const { userId, disabled } = guard.input;
  // Disabling one's own account would end this very session half-way through the task.
  if (disabled && userId === guard.user.id) return failure("invalid", "admin.users.errors.self");
  try {
    await db().$transaction(async (tx) => {
      const user = await loadUser(tx, userId);
      if (user.pendingApproval) throw new Refusal(failure("invalid", "admin.users.errors.pending"));
      if (user.disabled === disabled) return;
      if (disabled && user.role === "ADMIN") await keepAnActiveAdmin(tx, user.id, { role: user.role, disabled: true });
      await tx.user.update({
        where: { id: user.id },
        data: { disabled, ...(disabled ? { sessionVersion: { increment: 1 } } : {}) },
      });
      await writeAudit(tx, {
        actorId: guard.user.id,
        action: disabled ? "user.disable" : "user.enable",
        targetType: "user",
        targetId: user.id,
        details: { label: user.loginName, changes: { disabled: { from: user.disabled, to: disabled } } },
      });
    });
  } catch (error) {
    return toFailure(error);
  }
  return done();
}

export async function resetPassword(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("user:manage", resetPasswordSchema, formData);
  if (!guard.ok) return guard.failure;
  const input = guard.input;
  try {
    const target = await db().user.findUnique({ where: { id: input.userId }, select: { loginName: true } });
    if (!target) return failure("not-found");
    const problems = newPasswordSchema(target.loginName).safeParse(input);
    if (!problems.success) return invalid(problems.error);
    const passwordHash = await hashPassword(input.password);
    await db().$transaction(async (tx) => {
      const user = await loadUser(tx, input.userId);
      await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
      // The audit row says that the password changed, never anything about it.
      await writeAudit(tx, {
        actorId: guard.user.id,
        action: "user.reset-password",
        targetType: "user",
        targetId: user.id,
        details: { label: user.loginName },
      });
    });
  } catch (error) {
    return toFailure(error);
  }
  return done();
}

export async function approveUser(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("user:manage", approveUserSchema, formData);
  if (!guard.ok) return guard.failure;
  const input = guard.input;
  try {
    await db().$transaction(async (tx) => {
      const user = await loadUser(tx, input.userId);
      if (!user.pendingApproval) throw new Refusal(failure("invalid", "admin.users.errors.notPending"));
      const unit = await unitName(tx, input.unitId);
      await tx.user.update({
        where: { id: user.id },
        data: {
          pendingApproval: false,
          disabled: false,
          role: input.role,
          unitId: input.unitId,
          coordinatorScope: input.coordinatorScope,
          sessionVersion: { increment: 1 },
        },
      });
      await writeAudit(tx, {
        actorId: guard.user.id,
        action: "user.approve",
        targetType: "user",
        targetId: user.id,
        details: {
          label: user.loginName,
          changes: {
            ...changesBetween(
              { role: user.role, unit: user.unit?.name ?? null, coordinatorScope: user.coordinatorScope },
              { role: input.role, unit, coordinatorScope: input.coordinatorScope },
            ),
            pendingApproval: { from: true, to: false },
          },
        },
      });
    });
  } catch (error) {
    return toFailure(error);
  }
  return done();
}
