// Signing in through the real sign-in page, as a person would.
import { expect, type Page } from "@playwright/test";

/** The password of every sample account (prisma/seed/sample/accounts.ts). */
export const SAMPLE_PASSWORD = "Chengyu#2026";

export async function signInAs(
  page: Page,
  loginName: string,
  password = SAMPLE_PASSWORD,
  callbackUrl = "/",
): Promise<void> {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.locator('input[name="loginName"]').fill(loginName);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.locator(".user-menu button[type=submit]").click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
}
