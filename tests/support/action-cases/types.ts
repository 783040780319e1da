// How the permission walk (tests/integration/permissions.test.ts) calls each server action: the permission the
// action is documented to need, and the arguments a legitimate call would send.
import type { Db } from "../../../lib/prisma-client";
import type { Permission } from "../../../lib/permissions";

export interface ActionContext {
  db: Db;
  /** an action item led by the "own" editor's unit, not retired */
  itemId: number;
  itemCode: string;
  /** its current version (re-read before every call) */
  version: number;
  /** a milestone of that item (created by the walk if it had none) */
  milestoneId: number;
  /** the own editor's unit */
  unitId: number;
  /** an ordinary (non-admin) account */
  userId: number;
  /** the account the call is made as, when the walk knows it over HTTP (personal rows such as notifications) */
  callerId?: number;
}

export interface ActionCase {
  permission: Permission;
  buildArgs(ctx: ActionContext): unknown[] | Promise<unknown[]>;
}

export type ActionCases = Record<string, ActionCase>;
