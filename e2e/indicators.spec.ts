// 指标 through the real pages: an editor adds an indicator to their unit's item (a bad target is refused next to
// the field), reports a value and reads 完成度 and the trend; an administrator marks it 关键指标 and the
// dashboard's card lists it; the item as of yesterday shows no indicator yet; the trend is an SVG in the
// server's HTML (no client JavaScript needed).
import { randomBytes } from "node:crypto";
import { signInAs } from "./auth";
import { expect, test } from "./fixtures";

test("an editor adds and reports an indicator; an administrator makes it a headline indicator", async ({
  page,
  browser,
  baseURL,
  sql,
}) => {
  test.setTimeout(240_000);
  const [item] = await sql<{ code: string }>(
    `SELECT i.code FROM items i JOIN users u ON u.unit_id = i.lead_unit_id
      WHERE u.login_name = 'sc.fgw' AND i.level = 'ACTION' AND i.retired_at IS NULL
      ORDER BY string_to_array(i.code, '.')::int[] LIMIT 1`,
  );
  const code = item!.code;
  const name = `高铁运营里程${randomBytes(3).toString("hex")}`;

  await signInAs(page, "sc.fgw");
  await page.goto(`/items/${code}`);
  const section = page.getByRole("region", { name: "指标", exact: true });
  await section.getByText("新增指标", { exact: true }).first().click();
  const add = section.getByTestId("indicator-add-form");
  await add.getByLabel("指标名称").fill(name);
  await add.getByLabel("计量单位").fill("公里");
  await add.getByLabel("基期值").fill("0");
  await add.getByLabel("目标值").fill("1e5");
  await add.getByRole("button", { name: "新增指标" }).click();
  await expect(add.getByText("请填写数字", { exact: false })).toBeVisible();
  await add.getByLabel("目标值").fill("120");
  await add.getByRole("button", { name: "新增指标" }).click();
  const entry = section.getByTestId("indicator").filter({ has: page.getByRole("heading", { name }) });
  await expect(entry).toBeVisible();
  await expect(entry.getByTestId("indicator-completion")).toContainText("—");

  await entry.getByText("报送实际值", { exact: true }).first().click();
  await entry.getByLabel("实际值（公里）").fill("30");
  await entry.getByTestId("indicator-value-form").getByRole("button", { name: "报送实际值" }).click();
  await expect(entry.getByTestId("indicator-completion")).toHaveAttribute("data-completion", "25.0");
  await expect(entry.getByTestId("indicator-actual")).toContainText("30 公里");
  await expect(entry.getByRole("img", { name: new RegExp(name) })).toBeVisible();

  // The editor may not mark 关键指标.
  await expect(entry.getByTestId("indicator-headline-form")).toHaveCount(0);

  const admin = await browser.newPage({ locale: "zh-CN" });
  await signInAs(admin, "admin");
  await admin.goto(`/items/${code}`);
  const adminEntry = admin
    .getByRole("region", { name: "指标", exact: true })
    .getByTestId("indicator")
    .filter({ has: admin.getByRole("heading", { name }) });
  await adminEntry.getByRole("button", { name: "设为关键指标" }).click();
  await expect(adminEntry.getByTestId("indicator-headline")).toBeVisible();
  await admin.goto("/");
  const card = admin.getByTestId("headline-indicators");
  const row = card.getByRole("row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row.locator("[data-completion]")).toHaveAttribute("data-completion", "25.0");
  await admin.close();

  // As of yesterday the item had no such indicator.
  const [yesterday] = await sql<{ day: string }>(
    `SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date - 1, 'YYYY-MM-DD') AS day`,
  );
  await page.goto(`/items/${code}?asOf=${yesterday!.day}`);
  await expect(page.getByRole("region", { name: "指标", exact: true }).getByRole("heading", { name })).toHaveCount(0);

  // The trend is drawn on the server: there without JavaScript.
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN", baseURL });
  const noJs = await context.newPage();
  await context.addCookies(await page.context().cookies());
  await noJs.goto(`/items/${code}`);
  const svg = noJs.locator(`[data-testid="indicator"]:has(h3:text("${name}")) svg[role="img"]`);
  await expect(svg).toHaveAttribute("data-points", "1");
  await context.close();
});
