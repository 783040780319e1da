// The notification centre through the real pages: a notification written with notify() (as the chase rules
// write them) raises the bell's count; the list shows it in Chinese; opening it (by keyboard) goes to its page
// and marks it read; mark all read empties the count; the e-mail settings page validates and saves.
import { randomBytes } from "node:crypto";
import type ZhNotifications from "../lib/i18n/messages/zh-CN/notifications.json";
import { hashPassword } from "../lib/password";
import { createPrismaClient, type Db } from "../lib/prisma-client";
import { notify } from "../lib/writes/notifications";
import { SAMPLE_PASSWORD, signInAs } from "./auth";
import { expect, test } from "./fixtures";
import { catalogue } from "./support/catalogue";

const zh = catalogue<typeof ZhNotifications>("notifications");
const zn = zh.notifications;

let db: Db;
test.beforeAll(() => {
  db = createPrismaClient(process.env.E2E_DATABASE_URL!, { max: 2 });
});
test.afterAll(async () => db.$disconnect());

/** A fresh account of the spec's own, so no other spec's notifications are counted. */
async function newAccount(): Promise<{ id: number; login: string }> {
  const login = `notify.${randomBytes(4).toString("hex")}`;
  const user = await db.user.create({
    data: {
      loginName: login,
      displayName: "通知测试",
      passwordHash: await hashPassword(SAMPLE_PASSWORD),
      role: "VIEWER",
    },
  });
  return { id: user.id, login };
}

async function urge(userId: number, key: string, link = "/periods") {
  await db.$transaction((tx) =>
    notify(
      tx,
      {
        userIds: [userId],
        kind: "period.urge",
        key,
        params: { period: "2031年3月", unit: "成都市发展和改革委员会", count: 2, deadline: "2031年3月20日" },
        link,
        at: new Date(),
      },
      { email: false },
    ),
  );
}

test("the bell counts a new notification; the list shows it in Chinese; opening it goes there and marks it read", async ({
  page,
}) => {
  const me = await newAccount();
  await signInAs(page, me.login);
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName(zn.bell);
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByTestId("notifications-empty")).toHaveText(zn.empty);

  // A 催办 arrives.
  await urge(me.id, "e2e-urge-1");
  await page.reload();
  await expect(page.getByTestId("notification-count")).toHaveText("1");
  await expect(bell).toHaveAccessibleName(zn.bellUnread.replace("{count}", "1"));
  const item = page.getByTestId("notification");
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute("data-read", "false");
  await expect(item.getByTestId("notification-open")).toHaveText("到期催办：2031年3月报告今日截止");
  await expect(item).toContainText(
    "成都市发展和改革委员会还有 2 个事项的2031年3月进展报告未报送，截止日期为2031年3月20日",
  );
  await expect(item).toContainText(zn.unread);

  // Opened by keyboard: it goes to the period list and is read; the bell's count is gone.
  await item.getByTestId("notification-open").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/periods$/);
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
  const [row] = await db.notification.findMany({ where: { userId: me.id } });
  expect(row!.readAt).not.toBeNull();
  await page.goto("/notifications");
  await expect(page.getByTestId("notification")).toHaveAttribute("data-read", "true");
});

test("mark all read clears the count; someone else's notifications never show", async ({ page }) => {
  const me = await newAccount();
  const other = await newAccount();
  await urge(me.id, "e2e-all-1");
  await urge(me.id, "e2e-all-2", "/items");
  await urge(other.id, "e2e-other");
  await signInAs(page, me.login, SAMPLE_PASSWORD, "/notifications");
  await expect(page.getByTestId("notification-count")).toHaveText("2");
  await expect(page.getByTestId("notification")).toHaveCount(2);
  await page.getByRole("button", { name: zn.markAllRead }).click();
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
  await expect(page.getByTestId("notification").and(page.locator('[data-read="false"]'))).toHaveCount(0);
  expect(await db.notification.count({ where: { userId: other.id, readAt: null } })).toBe(1);
});

test("the e-mail settings page refuses a malformed address and saves a digest choice", async ({ page }) => {
  const me = await newAccount();
  await signInAs(page, me.login, SAMPLE_PASSWORD, "/account/notifications");
  await expect(page.getByRole("heading", { name: zh.account.title })).toBeVisible();
  const email = page.getByLabel(zh.account.email);
  await email.fill("zhang@");
  await page.getByRole("button", { name: zh.account.save }).click();
  await expect(page.getByText(zh.account.validation.invalidEmail)).toBeVisible();
  await email.fill("zhang.san@example.gov.cn");
  await page.getByLabel(zh.account.deliveryDigest).check();
  await page.getByRole("button", { name: zh.account.save }).click();
  await expect(page.getByText(zh.account.saved)).toBeVisible();
  expect(await db.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({
    email: "zhang.san@example.gov.cn",
    emailDigest: true,
    emailOptOut: false,
  });
});
