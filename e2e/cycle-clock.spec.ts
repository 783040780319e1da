// The reporting cycle against a moving clock (issue 14's acceptance): an app of this spec's own, on a database
// of its own, started with TEST_CLOCK_FILE so the spec moves its time by rewriting one file — no waiting for the
// calendar. The month after today opens on its first day with no one pressing a button; an editor's report
// changes nothing leadership sees until the right coordinator approves it; on the first day of the month after
// that the period closes on its own, and its 情况通报 downloads byte-identical before and after later edits.
// Port 39440 belongs to this spec.
import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { formOf, HttpSession } from "../tests/support/http-client";
import { SAMPLE_PASSWORD } from "./auth";
import { firstOfMonthAfter, ownApp } from "./support/own-app";

test.describe.configure({ mode: "serial" });
const own = ownApp({ port: 39440, name: "cycle_clock", clock: true });

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function session(login: string): Promise<HttpSession> {
  const s = new HttpSession(own.app.url);
  await s.signIn(login, SAMPLE_PASSWORD);
  return s;
}

test("a period opens on its day, a report counts only once approved, and the period closes and freezes its bulletin", async () => {
  test.setTimeout(480_000);
  const { database, moveClockTo } = own;
  const opens = firstOfMonthAfter(1);
  const closesNext = firstOfMonthAfter(2);

  // 1. The first day of next month, half past midnight in China: the period opens by itself.
  moveClockTo(`${opens}T00:30:00+08:00`);
  const coordinator = await session("duban.joint");
  const periodsPage = await coordinator.fetch("/periods");
  expect(periodsPage.status).toBe(200);
  const [period] = await database.query<{ id: number; label: string; opened: boolean; obligations: number }>(
    `SELECT p.id, p.label, p.opened_at IS NOT NULL AS opened,
            (SELECT count(*)::int FROM period_obligations o WHERE o.period_id = p.id) AS obligations
       FROM reporting_periods p WHERE p.opens_on = $1`,
    [opens],
  );
  expect(period, `a period opening on ${opens}`).toBeDefined();
  expect(period!.opened).toBe(true);
  expect(period!.obligations).toBeGreaterThan(0);
  expect(await periodsPage.text()).toContain(period!.label);

  // 2. An editor of a Sichuan unit reports on an item Sichuan alone leads.
  const [target] = await database.query<{ id: number; code: string; login: string; progress: number | null }>(
    `SELECT i.id, i.code, e.login_name AS login, i.progress FROM items i
       JOIN units l ON l.id = i.lead_unit_id AND l.side = 'SICHUAN'
       JOIN users e ON e.unit_id = l.id AND e.role = 'EDITOR' AND e.is_sample AND NOT e.disabled
      WHERE i.level = 'ACTION' AND i.retired_at IS NULL AND i.co_lead_unit_id IS NULL
        AND i.status NOT IN ('COMPLETED', 'CANCELLED') AND coalesce(i.progress, 0) < 90
      ORDER BY i.code LIMIT 1`,
  );
  expect(target, "a Sichuan-only open item with a sample editor").toBeDefined();
  const newProgress = (target!.progress ?? 0) + 7;
  const note = `周期验收 ${Date.now().toString(36)}`;
  const editor = await session(target!.login);
  const [{ version }] = (await database.query<{ version: number }>(`SELECT version FROM items WHERE id = $1`, [
    target!.id,
  ])) as [{ version: number }];
  const submitted = await editor.callAction<{ ok: boolean; data: { reportId: number; revision: number } }>(
    "lib/actions/items.ts",
    "postProgressUpdate",
    [
      null,
      formOf({
        itemId: target!.id,
        expectedVersion: version,
        status: "IN_PROGRESS",
        progress: newProgress,
        confidence: "GREEN",
        note,
      }),
    ],
    `/items/${target!.code}/update`,
  );
  expect(submitted.value, JSON.stringify(submitted.value)).toMatchObject({ ok: true });
  const { reportId, revision } = submitted.value!.data;
  const [report] = await database.query<{ period_id: number; late: boolean }>(
    `SELECT period_id, late FROM progress_updates WHERE id = $1`,
    [reportId],
  );
  expect(report).toEqual({ period_id: period!.id, late: false });

  // 3. Leadership sees nothing of it yet: not on the dashboard, not on the item.
  const leader = await session("leader");
  const progressOnItemPage = async () => {
    const html = await (await leader.fetch(`/items/${target!.code}`)).text();
    return /data-testid="item-progress" data-progress="(\d*)"/.exec(html)?.[1] ?? null;
  };
  // the dashboard's recent updates are in its updates and conferences view
  const dashboardUpdates = async () => {
    const html = await (await leader.fetch("/?view=activity")).text();
    expect(html).toContain('data-testid="updates"');
    return html;
  };
  expect(await dashboardUpdates()).not.toContain(note);
  expect(await progressOnItemPage()).toBe(target!.progress === null ? "" : String(target!.progress));

  // 4. A coordinator of the other side may not approve it; the right side's may.
  const other = await session("duban.cq");
  const refused = await other.callAction<{ ok: boolean; code?: string }>(
    "lib/actions/reports.ts",
    "approveReport",
    [null, formOf({ reportId, expectedRevision: revision })],
    "/review",
  );
  expect(refused.value).toMatchObject({ ok: false, code: "forbidden" });
  const right = await session("duban.sc");
  const approved = await right.callAction<{ ok: boolean }>(
    "lib/actions/reports.ts",
    "approveReport",
    [null, formOf({ reportId, expectedRevision: revision })],
    "/review",
  );
  expect(approved.value, JSON.stringify(approved.value)).toMatchObject({ ok: true });
  expect(await dashboardUpdates()).toContain(note);
  expect(await progressOnItemPage()).toBe(String(newProgress));

  // 5. The first day of the month after: the period closes on its own (the app's ticker), frozen with its files.
  moveClockTo(`${closesNext}T00:30:00+08:00`);
  await coordinator.fetch("/periods"); // a visit opens the new period at once; the close waits for the ticker
  await expect
    .poll(
      async () =>
        (
          await database.query<{ closed: boolean }>(
            `SELECT closed_at IS NOT NULL AS closed FROM reporting_periods WHERE id = $1`,
            [period!.id],
          )
        )[0]!.closed,
      { timeout: 240_000, intervals: [2_000] },
    )
    .toBe(true);
  const [outcome] = await database.query<{ outcome: string }>(
    `SELECT outcome::text FROM period_obligations o JOIN users e ON e.unit_id = o.unit_id
      WHERE o.period_id = $1 AND o.item_id = $2 AND e.login_name = $3`,
    [period!.id, target!.id, target!.login],
  );
  expect(outcome!.outcome).toBe("ON_TIME");

  const download = async (format: "docx" | "pdf") => {
    const response = await leader.fetch(`/api/periods/${period!.id}/files/${format}`);
    expect(response.status, `${format} download`).toBe(200);
    expect(response.headers.get("content-disposition") ?? "").toMatch(/^attachment;/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    return Buffer.from(await response.arrayBuffer());
  };
  const before = { docx: await download("docx"), pdf: await download("pdf") };
  const stored = await database.query<{ format: string; sha256: string }>(
    `SELECT format, sha256 FROM period_files WHERE period_id = $1`,
    [period!.id],
  );
  for (const f of stored) expect(sha256(before[f.format as "docx" | "pdf"])).toBe(f.sha256);
  expect(stored.map((f) => f.format).sort()).toEqual(["docx", "pdf"]);

  // 6. Later edits (a new report, approved) do not touch the closed period's files.
  const [{ version: later }] = (await database.query<{ version: number }>(`SELECT version FROM items WHERE id = $1`, [
    target!.id,
  ])) as [{ version: number }];
  const next = await editor.callAction<{ ok: boolean; data: { reportId: number; revision: number } }>(
    "lib/actions/items.ts",
    "postProgressUpdate",
    [
      null,
      formOf({
        itemId: target!.id,
        expectedVersion: later,
        status: "IN_PROGRESS",
        progress: newProgress + 3,
        confidence: "AMBER",
        note: `${note} 后续`,
      }),
    ],
    `/items/${target!.code}/update`,
  );
  expect(next.value).toMatchObject({ ok: true });
  const again = await right.callAction<{ ok: boolean }>(
    "lib/actions/reports.ts",
    "approveReport",
    [null, formOf({ reportId: next.value!.data.reportId, expectedRevision: next.value!.data.revision })],
    "/review",
  );
  expect(again.value).toMatchObject({ ok: true });
  expect((await download("docx")).equals(before.docx)).toBe(true);
  expect((await download("pdf")).equals(before.pdf)).toBe(true);
});
