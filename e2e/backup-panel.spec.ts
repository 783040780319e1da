// The scheduled backups on /admin (components/admin/backup-panel.tsx): the app under test has no BACKUP_DIR, so
// an administrator sees the panel's empty state saying how to turn backups on. The panel's other states are
// checked on their data in tests/integration/scheduled-backup.test.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { signInAs } from "./auth";
import { expect, test } from "./fixtures";

const zh = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "lib", "i18n", "messages", "zh-CN", "backups.json"), "utf8"),
) as { backups: { title: string; off: string } };

test("an administrator sees on /admin that scheduled backups are not configured", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin");
  const panel = page.getByRole("region", { name: zh.backups.title });
  await expect(panel.getByTestId("backup-panel")).toHaveAttribute("data-state", "off");
  await expect(panel.getByTestId("backup-empty")).toHaveText(zh.backups.off);
});
