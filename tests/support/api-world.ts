// What the open API's tests start from: a seeded database that the route handlers read (DATABASE_URL is set
// before the write layer and the clock are loaded), an editor of a unit and the sample staff, an open action
// item (no children) that the editor's unit leads, and API tokens made through the write layer.
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { sampleAccount, sampleStaff, type TestAccount } from "./actors";

export interface ApiWorld {
  t: TestDatabase;
  tokens: typeof import("../../lib/writes/api-tokens");
  clock: typeof import("../../lib/clock");
  editor: TestAccount;
  staff: Awaited<ReturnType<typeof sampleStaff>>;
  /** the editor's unit leads it; its version when the world was made */
  item: { id: number; code: string; version: number };
  /** a new token of the actor's, made at the clock's now, that expires after `days` */
  tokenFor(actor: TestAccount, scope?: "READ" | "WRITE", days?: number): Promise<string>;
}

export async function apiWorld(): Promise<ApiWorld> {
  const t = await createTestDatabase({ sample: true });
  process.env.DATABASE_URL = t.url;
  const tokens = await import("../../lib/writes/api-tokens");
  const clock = await import("../../lib/clock");
  const editor = await sampleAccount(t.db, { role: "EDITOR", unitId: { not: null } });
  const staff = await sampleStaff(t.db);
  const row = await t.db.item.findFirstOrThrow({
    where: {
      leadUnitId: editor.unitId,
      level: "ACTION",
      retiredAt: null,
      children: { none: {} },
      status: { notIn: ["COMPLETED", "CANCELLED"] },
    },
    orderBy: { id: "asc" },
  });
  async function tokenFor(actor: TestAccount, scope: "READ" | "WRITE" = "READ", days = 30): Promise<string> {
    const made = await t.db.$transaction((tx) =>
      tokens.createApiToken(tx, actor, { name: `t-${actor.id}-${scope}`, scope, expiresInDays: days }, clock.now()),
    );
    return made.token;
  }
  return { t, tokens, clock, editor, staff, item: { id: row.id, code: row.code, version: row.version }, tokenFor };
}
