"use server";
// A person's own e-mail settings: the address notifications are mailed to, and whether they take a mail per
// notification, one daily digest, or none (unsubscribed). Audited like every change to an account.
import { revalidatePath } from "next/cache";
import { authorizeForm } from "../auth/authorize";
import { db } from "../db";
import { failure, type ActionResult } from "../forms/result";
import { emailSettingsSchema } from "../validations/notifications";
import { changesBetween, writeAudit } from "../writes/audit";
import { Refusal, toFailure } from "../writes/failure";

export async function updateEmailSettings(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const guard = await authorizeForm("account:self", emailSettingsSchema, formData);
  if (!guard.ok) return guard.failure;
  const { email, delivery } = guard.input;
  const after = { email, emailOptOut: delivery === "none", emailDigest: delivery === "digest" };
  try {
    await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM users WHERE id = ${guard.user.id} FOR UPDATE`;
      const user = await tx.user.findUnique({
        where: { id: guard.user.id },
        select: { id: true, loginName: true, email: true, emailOptOut: true, emailDigest: true },
      });
      if (!user) throw new Refusal(failure("not-found"));
      const changes = changesBetween(
        { email: user.email, emailOptOut: user.emailOptOut, emailDigest: user.emailDigest },
        after,
      );
      if (Object.keys(changes).length === 0) return;
      await tx.user.update({ where: { id: user.id }, data: after });
      await writeAudit(tx, {
        actorId: user.id,
        action: "user.email-settings",
        targetType: "user",
        targetId: user.id,
        details: { label: user.loginName, changes },
      });
    });
  } catch (error) {
    return toFailure(error);
  }
  revalidatePath("/account/notifications");
  return { ok: true, message: "account.saved" };
}
