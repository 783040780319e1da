import "server-only";
import { forbidden } from "next/navigation";
import { z } from "zod";
import { db } from "../db";
import { requirePermission, requireUser } from "../auth/session";
import { can } from "../permissions";

const ADMIN_AREA = [
  "unit:manage",
  "user:manage",
  "item:manage-tree",
  "audit:read",
  "cycle:configure",
  "jobs:manage",
  "calendar:manage",
  "rating:configure",
  "webhook:manage",
] as const;

/** The administration index: open to anyone holding at least one administrative permission. */
export async function requireAdminArea() {
  const user = await requireUser();
  const allowed = ADMIN_AREA.filter((p) => can(user, p));
  if (allowed.length === 0) forbidden();
  return { user, allowed };
}

/** Every unit with how many accounts and items refer to it (units are never deleted, only renamed). */
export async function listUnitsWithCounts() {
  await requirePermission("unit:manage");
  return db().unit.findMany({
    orderBy: [{ side: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      shortName: true,
      side: true,
      kind: true,
      isSample: true,
      contactUserId: true,
      // the accounts a 联络人 is chosen from
      users: {
        where: { disabled: false, pendingApproval: false },
        select: { id: true, displayName: true, loginName: true },
        orderBy: { loginName: "asc" },
      },
      _count: { select: { users: true, leadItems: true, coLeadItems: true, supportingItems: true } },
    },
  });
}

/** Units to choose from in account forms. */
export async function listUnitOptions() {
  await requirePermission("user:manage");
  return db().unit.findMany({
    orderBy: [{ side: "asc" }, { name: "asc" }],
    select: { id: true, name: true, side: true },
  });
}

/** Accounts, requests waiting for approval first, then active ones, then disabled ones. */
export async function listAccounts() {
  const me = await requirePermission("user:manage");
  const users = await db().user.findMany({
    orderBy: [{ pendingApproval: "desc" }, { disabled: "asc" }, { loginName: "asc" }],
    select: {
      id: true,
      loginName: true,
      displayName: true,
      role: true,
      unitId: true,
      coordinatorScope: true,
      email: true,
      disabled: true,
      pendingApproval: true,
      oidcSubject: true,
      isSample: true,
      createdAt: true,
      unit: { select: { name: true, side: true } },
    },
  });
  return { me: me.id, users: users.map(({ oidcSubject, ...u }) => ({ ...u, sso: oidcSubject !== null })) };
}

export const AUDIT_TARGET_TYPES = [
  "user",
  "unit",
  "item",
  "goal",
  "period",
  "cycle",
  "job",
  "token",
  "webhook",
] as const;
export const AUDIT_PAGE_SIZE = 50;

const auditQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  type: z.enum(AUDIT_TARGET_TYPES).optional().catch(undefined),
});

/** The administrative audit log, newest first, one page at a time, optionally for one kind of target. */
export async function listAuditLog(raw: { page?: string; type?: string }) {
  await requirePermission("audit:read");
  const { page, type } = auditQuery.parse(raw);
  const where = type ? { targetType: type } : {};
  const [total, rows] = await Promise.all([
    db().auditLog.count({ where }),
    db().auditLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        at: true,
        action: true,
        targetType: true,
        targetId: true,
        details: true,
        actor: { select: { displayName: true, loginName: true } },
      },
    }),
  ]);
  return { page, type: type ?? null, total, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), rows };
}

export interface TreeNode {
  id: number;
  code: string;
  title: string;
  titleEn: string | null;
  level: "RECOMMENDATION" | "ACTION";
  version: number;
  retired: boolean;
  children: TreeNode[];
}

/** The whole tree, retired items included (marked), pillar by pillar in outline order. */
export async function getItemTree() {
  await requirePermission("item:manage-tree");
  const [pillars, items] = await Promise.all([
    db().pillar.findMany({
      orderBy: { number: "asc" },
      select: { id: true, number: true, title: true, titleEn: true },
    }),
    db().item.findMany({
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: {
        id: true,
        code: true,
        title: true,
        titleEn: true,
        level: true,
        version: true,
        retiredAt: true,
        parentId: true,
        pillarId: true,
      },
    }),
  ]);
  const nodes = new Map<number, TreeNode>(
    items.map((i) => [
      i.id,
      {
        id: i.id,
        code: i.code,
        title: i.title,
        titleEn: i.titleEn,
        level: i.level,
        version: i.version,
        retired: i.retiredAt !== null,
        children: [],
      },
    ]),
  );
  const roots = new Map<number, TreeNode[]>(pillars.map((p) => [p.id, []]));
  for (const i of items) {
    const node = nodes.get(i.id)!;
    const parent = i.parentId === null ? undefined : nodes.get(i.parentId);
    if (parent) parent.children.push(node);
    else roots.get(i.pillarId)?.push(node);
  }
  return pillars.map((p) => ({ ...p, items: roots.get(p.id) ?? [] }));
}

export type ItemTree = Awaited<ReturnType<typeof getItemTree>>;
