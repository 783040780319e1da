// Sample accounts as the tests use them: signed in (signIn in ./session.ts), or as the write layer's Actor for
// tests that call lib/writes directly.
import type { User } from "../../lib/generated/prisma/client";
import type { Db, Prisma } from "../../lib/prisma-client";
import type { Actor } from "../../lib/permissions";

/** An account: who it is to the write layer, and what signing in as it needs. */
export interface TestAccount extends Actor {
  sessionVersion: number;
  displayName: string;
}

export function testAccount(u: User): TestAccount {
  return {
    id: u.id,
    sessionVersion: u.sessionVersion,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    coordinatorScope: u.coordinatorScope,
  };
}

/** The first enabled account (by id) that matches `where`. */
export async function sampleAccount(db: Db, where: Prisma.UserWhereInput): Promise<TestAccount> {
  return testAccount(await db.user.findFirstOrThrow({ where: { disabled: false, ...where }, orderBy: { id: "asc" } }));
}

/** The sample 联合办公室 coordinator (duban.joint): reviews reports of both sides. */
export function jointCoordinator(db: Db): Promise<TestAccount> {
  return sampleAccount(db, { role: "COORDINATOR", coordinatorScope: "JOINT" });
}

/** Who most tests set against an editor: the sample's first viewer and administrator, and the joint coordinator. */
export async function sampleStaff(
  db: Db,
): Promise<{ viewer: TestAccount; admin: TestAccount; coordinator: TestAccount }> {
  return {
    viewer: await sampleAccount(db, { role: "VIEWER" }),
    admin: await sampleAccount(db, { role: "ADMIN" }),
    coordinator: await jointCoordinator(db),
  };
}
