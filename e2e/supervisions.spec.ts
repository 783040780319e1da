// 督办 end to end (issue 15): the chase issues a 督办通知单 to a unit, an editor of that unit 签收s and answers it in
// the browser, and the coordinating office sees the answer. An app and a database of this spec's own (the chase
// runs over the whole sample portfolio, and other specs must not see its 督办); the chase runs in the setup with
// its clock as a parameter, on a working day, after one of the editor's items has been overdue for 40 days.
// (Playwright's loader cannot import the message catalogue's JSON, so the notice's Word and PDF are laid out and
// checked in tests/integration/chase.test.ts, not here.)
// Port 39302 belongs to this spec.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { addDays, todayInChina } from "../lib/dates";
import { createPrismaClient, type Db } from "../lib/prisma-client";
import { WorkCalendar } from "../lib/workdays";
import { runChase } from "../lib/writes/chase";
import { changeItem } from "../lib/writes/item-change";
import { signInAs } from "./auth";
import { ownApp } from "./support/own-app";

test.describe.configure({ mode: "serial" });
let db: Db;
// Registered before the app's hooks, so it runs before the app stops and its database is dropped.
test.afterAll(async () => {
  await db?.$disconnect();
});
const own = ownApp({ port: 39302, name: "supervisions" });
let supervisionId: number;
let number: string;

/** A new browser on the spec's app, signed in as `login`. */
async function signedIn(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "zh-CN", baseURL: own.app.url })).newPage();
  await signInAs(page, login);
  return page;
}

test.beforeAll(async () => {
  test.setTimeout(160_000);
  db = createPrismaClient(own.database.url, { max: 2 });

  // One of sc.fgw's unit's items, due 40 days before the next working day (China), still open.
  const day = new WorkCalendar().addWorkdays(todayInChina(new Date()), 0);
  const editor = await db.user.findUniqueOrThrow({ where: { loginName: "sc.fgw" } });
  const item = await db.item.findFirstOrThrow({
    where: { level: "ACTION", retiredAt: null, leadUnitId: editor.unitId },
    orderBy: { code: "asc" },
  });
  const before = await db.supervision.aggregate({ _max: { id: true } });
  await db.$transaction((tx) =>
    changeItem(
      tx,
      item.id,
      { action: "UPDATE", fields: { dueDate: new Date(addDays(day, -40)), status: "IN_PROGRESS" } },
      { actorId: null },
    ),
  );
  // The chase of that day, twice (the second makes nothing), laying out the editor's notice.
  const at = new Date(`${day}T09:00:00+08:00`);
  const first = await runChase(db, at);
  expect((await runChase(db, at)).made).toEqual([]);
  // The spec's app chases too: its job runner ticks every minute on the real clock, which on a working day is this
  // same day, so its tick may make this 督办 between the due date's change and this run (the same rule, so the same
  // 督办, made once). Whichever run made it, there must be exactly one new 督办 to the unit for the item; the browser
  // steps below show it reaching the editor.
  const issued = await db.supervision.findMany({
    where: { id: { gt: before._max.id ?? 0 }, unitId: editor.unitId!, items: { some: { itemId: item.id } } },
  });
  expect(issued, "one new 督办 to sc.fgw's unit for its overdue item").toHaveLength(1);
  const mine = first.made.find((m) => m.kind === "SUPERVISION" && m.unitId === editor.unitId);
  if (mine) {
    expect(mine.supervisionId).toBe(issued[0]!.id);
    expect(mine.recipientIds).toContain(editor.id);
  }
  supervisionId = issued[0]!.id;
  const s = issued[0]!;
  number = `${s.prefix}〔${s.year}〕${s.number}号`;
  // This run has no renderer: the app's job runner lays the files out (checked below); their content is
  // checked in tests/integration/chase.test.ts.
});

test("an editor 签收s and answers a 督办, and the coordinator sees it", async ({ browser }) => {
  test.setTimeout(240_000);
  const editorPage = await signedIn(browser, "sc.fgw");
  await editorPage.goto(`${own.app.url}/supervisions?state=unacknowledged`);
  const row = editorPage.getByTestId("supervision-row").filter({ hasText: number });
  await expect(row).toBeVisible();
  await row.getByRole("link", { name: number }).click();
  await expect(editorPage.getByRole("heading", { level: 1 })).toContainText(number);
  await expect(editorPage.getByTestId("supervision-acknowledged")).toHaveText("尚未签收");

  await editorPage.getByRole("button", { name: "签收" }).click();
  await expect(editorPage.getByTestId("supervision-acknowledged")).toContainText("签收");
  await expect(editorPage.getByRole("button", { name: "签收" })).toHaveCount(0);

  await editorPage.getByLabel("反馈内容").fill("已按要求加快推进，计划下月完成。");
  await editorPage.getByRole("button", { name: "提交反馈" }).click();
  await expect(editorPage.getByTestId("supervision-answer")).toHaveText("已按要求加快推进，计划下月完成。");
  await expect(editorPage.getByRole("form", { name: "办理反馈" })).toHaveCount(0);

  // The app's job runner lays the notice's files out (its cycle tick runs the chase with the real renderer, at
  // start and every minute): the download answers 404 until then, then the PDF.
  const pdfUrl = `${own.app.url}/api/supervisions/${supervisionId}/files/pdf`;
  await expect
    .poll(async () => (await editorPage.request.get(pdfUrl)).status(), { timeout: 150_000, intervals: [1_000] })
    .toBe(200);
  const download = await editorPage.request.get(pdfUrl);
  expect((await download.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(download.headers()["content-disposition"]).toContain("attachment");

  // Another unit's editor may read it but not act on it.
  const otherPage = await signedIn(browser, "cq.jtw");
  await otherPage.goto(`${own.app.url}/supervisions/${supervisionId}`);
  await expect(otherPage.getByTestId("supervision-answer")).toBeVisible();
  await expect(otherPage.getByRole("button", { name: "提交反馈" })).toHaveCount(0);

  // The coordinating office sees it answered, in the list and on the page.
  const coordinatorPage = await signedIn(browser, "duban.sc");
  await coordinatorPage.goto(`${own.app.url}/supervisions?state=answered`);
  await expect(coordinatorPage.getByTestId("supervision-row").filter({ hasText: number })).toContainText("已反馈");
  await coordinatorPage.goto(`${own.app.url}/supervisions/${supervisionId}`);
  await expect(coordinatorPage.getByTestId("supervision-answered")).toContainText("反馈");
  await expect(coordinatorPage.getByTestId("supervision-answer")).toHaveText("已按要求加快推进，计划下月完成。");
  await expect(coordinatorPage.getByRole("button", { name: "签收" })).toHaveCount(0);
});
