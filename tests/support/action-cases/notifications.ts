// Permission-walk cases for the notification centre and a person's e-mail settings. Every signed-in account may
// call them (account:self), on its own rows only: each buildArgs writes a fresh notification for whoever the walk
// is signed in as; with no one signed in, for an administrator (the hostile-input test builds its forms before
// signing in and makes its final, legitimate call as an administrator; the walk's signed-out calls are refused
// before any id is read).
import { randomBytes } from "node:crypto";
import { notify } from "../../../lib/writes/notifications";
import { currentClaims } from "../session";
import type { ActionCases, ActionContext } from "./types";

function form(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
}

async function ownNotification(ctx: ActionContext): Promise<number> {
  const userId =
    ctx.callerId ??
    currentClaims()?.userId ??
    (await ctx.db.user.findFirstOrThrow({ where: { role: "ADMIN", disabled: false } })).id;
  const [n] = await ctx.db.$transaction((tx) =>
    notify(
      tx,
      {
        userIds: [userId],
        kind: "report.returned",
        key: `walk:${randomBytes(6).toString("hex")}`,
        params: { item: "1.1.1", unit: "走查单位" },
        link: "/items/1.1.1",
        at: new Date(),
      },
      { email: false },
    ),
  );
  return n!.id;
}

export const notificationCases: ActionCases = {
  markNotificationRead: {
    permission: "account:self",
    buildArgs: async (ctx) => [null, form({ notificationId: await ownNotification(ctx) })],
  },
  markAllNotificationsRead: {
    permission: "account:self",
    buildArgs: async (ctx) => [null, form({ upTo: await ownNotification(ctx) })],
  },
  openNotification: {
    permission: "account:self",
    buildArgs: async (ctx) => [null, form({ notificationId: await ownNotification(ctx) })],
  },
  updateEmailSettings: {
    permission: "account:self",
    buildArgs: () => [
      null,
      form({ email: `walk.${randomBytes(3).toString("hex")}@example.gov.cn`, delivery: "digest" }),
    ],
  },
};
