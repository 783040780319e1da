import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "../../lib/dates";
import { renderBulletin } from "../../lib/export/bulletin";
import { queryBulletinData } from "../../lib/queries/periods";
import { readSnapshot } from "../../lib/writes/snapshot";
import { documentCounts, pillarItems } from "../../prisma/seed/document/index";
import { documentRevision } from "../../prisma/seed/document/revisions";
import { sampleStart, seed } from "../../prisma/seed/run";
import { CLOSE_OUT } from "../../prisma/seed/sample/kind-texts";
import { classifyKind } from "../../prisma/seed/sample/kinds";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

/** Row count of every table, read with count(*) (not statistics). */
async function tableCounts(url: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const out: Record<string, number> = {};
    for (const { table_name } of rows) {
      out[table_name] = Number(
        (await c.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${table_name}"`)).rows[0]!.n,
      );
    }
    return out;
  } finally {
    await c.end();
  }
}

describe("document seed", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seed(t.db, { sample: false });
  });
  afterAll(async () => t.drop());

  it("has exactly the items counted when the source was read (a dropped item fails here)", async () => {
    // Counted by reading the whole source text: actions per recommendation, in document order.
    const perRecommendation: Record<string, number> = {
      "1.1": 5,
      "1.2": 12,
      "1.3": 11,
      "2.1": 5,
      "2.2": 13,
      "2.3": 11,
      "2.4": 5,
      "3.1": 23,
      "3.2": 10,
      "4.1": 15,
      "4.2": 11,
      "5.1": 5,
      "5.2": 4,
    };
    const rows = await t.db.item.groupBy({ by: ["parentId"], where: { level: "ACTION" }, _count: { _all: true } });
    const recs = await t.db.item.findMany({ where: { level: "RECOMMENDATION" }, select: { id: true, code: true } });
    const actual = Object.fromEntries(
      recs.map((r) => [r.code, rows.find((x) => x.parentId === r.id)?._count._all ?? 0]),
    );
    expect(actual).toEqual(perRecommendation);
    expect(Object.values(perRecommendation).reduce((a, b) => a + b, 0)).toBe(130);
    expect(await t.db.goal.count()).toBe(6);
    expect(await t.db.region.count()).toBe(27);
    expect(await t.db.unit.count()).toBe(10);
  });

  it("loads the whole document: pillars, recommendations, action items, goals, conferences, regions, units", async () => {
    const counts = await tableCounts(t.url);
    expect(counts.pillars).toBe(5);
    expect(counts.conferences).toBe(8);
    expect(await t.db.item.count({ where: { level: "RECOMMENDATION" } })).toBe(documentCounts.recommendations);
    expect(await t.db.item.count({ where: { level: "ACTION" } })).toBe(documentCounts.actions);
    expect(documentCounts.recommendations).toBe(13);
    expect(documentCounts.actions).toBeGreaterThanOrEqual(100);
    expect(counts.goals).toBe(documentCounts.goals);
    expect(counts.regions).toBe(documentCounts.regions);
    expect(counts.units).toBe(documentCounts.units);
  });

  it("stores every item under its code with its verbatim excerpt, parent and pillar", async () => {
    const items = new Map(
      (await t.db.item.findMany({ include: { parent: true, pillar: true } })).map((i) => [i.code, i]),
    );
    for (const p of pillarItems) {
      p.recommendations.forEach((rec, ri) => {
        const recItem = items.get(`${p.pillar}.${ri + 1}`);
        expect(recItem, `${p.pillar}.${ri + 1}`).toMatchObject({
          title: rec.title,
          sourceExcerpt: rec.sourceExcerpt,
          parentId: null,
        });
        expect(recItem!.pillar.number).toBe(p.pillar);
        rec.actions.forEach((action, ai) => {
          const code = `${p.pillar}.${ri + 1}.${ai + 1}`;
          const item = items.get(code);
          expect(item, code).toMatchObject({
            title: action.title,
            sourceExcerpt: action.sourceExcerpt,
            level: "ACTION",
          });
          expect(item!.parent?.code).toBe(`${p.pillar}.${ri + 1}`);
        });
      });
    }
  });

  it("states nothing the document does not: no owners, statuses, progress or dates", async () => {
    expect(await t.db.item.count({ where: { status: { not: "NOT_ASSESSED" } } })).toBe(0);
    expect(
      await t.db.item.count({
        where: {
          OR: [
            { leadUnitId: { not: null } },
            { progress: { not: null } },
            { dueDate: { not: null } },
            { responsiblePerson: { not: null } },
          ],
        },
      }),
    ).toBe(0);
    expect(await t.db.user.count()).toBe(0);
    // The document, and its corrections (prisma/seed/revise.ts) recorded as not needed by a database seeded now.
    expect((await t.db.dataset.findMany({ orderBy: { key: "asc" } })).map((d) => d.key)).toEqual([
      "document",
      documentRevision.key,
    ]);
  });

  it("holds the texts corrected from the source, with no revision to apply (issue 16)", async () => {
    const title = async (code: string) => (await t.db.item.findUniqueOrThrow({ where: { code } })).title;
    // The source: 两省市要联合出台相关政策 — the provinces act, not the new area.
    expect(await title("4.1.7")).toMatch(/^两省市联合出台相关政策/);
    // The source: …金融服务中心、对外交往中心等高能级开放平台.
    for (const code of ["3.2.6", "3.2.7"]) {
      const item = await t.db.item.findUniqueOrThrow({ where: { code } });
      expect(item.title, code).toContain("高能级开放平台");
      expect(item.sourceExcerpt, code).toContain("等高能级开放平台");
    }
    const goals = await t.db.goal.findMany({ orderBy: { number: "asc" } });
    expect(goals.map((g) => g.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(goals[3]!.sourceExcerpt).toMatch(/^成渝地区双城经济圈是国之战略要地，/);
    for (const g of goals) {
      expect(g.sourceExcerpt, `goal ${g.number}`).not.toMatch(/[，,]$/);
      expect(g.title, `goal ${g.number}`).not.toMatch(/[，,]$/);
    }
    const cppcc = await t.db.unit.findMany({
      where: { name: { contains: "政治协商会议" } },
      select: { shortName: true, kind: true },
    });
    expect(cppcc).toHaveLength(2);
    for (const u of cppcc) expect(u.kind, u.shortName!).toBe("CONSULTATIVE");
    expect(await t.db.unit.count({ where: { kind: "LEGISLATURE" } })).toBe(2);
    // A fresh database needs no revision: none written, only recorded as done.
    expect(await t.db.auditLog.count()).toBe(0);
    expect(await t.db.itemHistory.count({ where: { action: { not: "CREATE" } } })).toBe(0);
  });

  it("gives every item its CREATE history row from the first write", async () => {
    const items = await t.db.item.count();
    const creates = await t.db.itemHistory.count({ where: { action: "CREATE", version: 1 } });
    expect(creates).toBe(items);
  });

  it("changes nothing when run again (identical row counts and versions)", async () => {
    const before = await tableCounts(t.url);
    const versions = await t.db.item.aggregate({ _sum: { version: true } });
    const report = await seed(t.db, { sample: false });
    expect(report.documentItemsAdded).toBe(0);
    expect(await tableCounts(t.url)).toEqual(before);
    expect(await t.db.item.aggregate({ _sum: { version: true } })).toEqual(versions);
  });

  it("does not add sample data to a database that already holds items", async () => {
    const before = await tableCounts(t.url);
    const report = await seed(t.db, { sample: true });
    expect(report.sampleLoaded).toBe(false);
    expect(report.sampleSkipped).toMatch(/empty database/);
    expect(await tableCounts(t.url)).toEqual(before);
  });
});

describe("sample dataset (示例数据)", () => {
  let t: TestDatabase;
  // The sample's "today": the time it was seeded for, recorded on its dataset row.
  let now: Date;
  beforeAll(async () => {
    // The run's shared sample template (seeded once for every file, by the same seed as the start command); within
    // the integration project's hookTimeout, set for the sample seed (vitest.config.ts).
    t = await createTestDatabase({ sample: true });
    now = (await t.db.dataset.findUniqueOrThrow({ where: { key: "sample" } })).loadedAt;
  });
  afterAll(async () => t.drop());

  it("is recorded as loaded and labelled as sample on units, users, periods, reports, their trail and history", async () => {
    expect((await t.db.dataset.findMany({ orderBy: { key: "asc" } })).map((d) => d.key)).toEqual([
      "document",
      documentRevision.key,
      "sample",
    ]);
    expect(await t.db.user.count({ where: { isSample: false } })).toBe(0);
    expect(await t.db.progressUpdate.count({ where: { isSample: false } })).toBe(0);
    expect(await t.db.reportEvent.count({ where: { isSample: false } })).toBe(0);
    expect(await t.db.reportingPeriod.count({ where: { isSample: false } })).toBe(0);
    expect(await t.db.itemHistory.count({ where: { isSample: false, action: { not: "CREATE" } } })).toBe(0);
    expect(await t.db.unit.count({ where: { isSample: true } })).toBeGreaterThan(10);
  });

  it("has accounts for every role, with argon2id password hashes", async () => {
    const users = await t.db.user.findMany();
    for (const role of ["ADMIN", "EDITOR", "VIEWER"] as const) expect(users.some((u) => u.role === role)).toBe(true);
    for (const u of users) expect(u.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("gives owners, statuses and about a year of updates", async () => {
    const actions = await t.db.item.count({ where: { level: "ACTION" } });
    expect(await t.db.item.count({ where: { level: "ACTION", leadUnitId: { not: null } } })).toBe(actions);
    expect(await t.db.item.count({ where: { status: "COMPLETED" } })).toBeGreaterThan(0);
    const range = await t.db.progressUpdate.aggregate({
      _min: { createdAt: true },
      _max: { createdAt: true },
      _count: true,
    });
    expect(range._count).toBeGreaterThan(actions);
    const days = (range._max.createdAt!.getTime() - range._min.createdAt!.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(300);
  });

  it("keeps history chronological, within the sample year, and in agreement with every item's state", async () => {
    const start = sampleStart(now);
    const history = await t.db.itemHistory.findMany({ orderBy: [{ itemId: "asc" }, { version: "asc" }] });
    for (const h of history) {
      expect(h.changedAt.getTime()).toBeGreaterThanOrEqual(start.getTime());
      expect(h.changedAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }
    for (let i = 1; i < history.length; i++) {
      const [a, b] = [history[i - 1]!, history[i]!];
      if (a.itemId === b.itemId) {
        expect(b.version).toBe(a.version + 1);
        expect(b.changedAt.getTime()).toBeGreaterThanOrEqual(a.changedAt.getTime());
      }
    }
    const latest = new Map(history.map((h) => [h.itemId, h]));
    const items = await t.db.item.findMany({ select: { id: true, version: true } });
    await t.db.$transaction(async (tx) => {
      for (const item of items) {
        const h = latest.get(item.id)!;
        expect(h.version).toBe(item.version);
        expect(h.snapshot).toEqual((await readSnapshot(tx, item.id))!.snapshot);
      }
    });
  });

  it("changes nothing when seeded again", async () => {
    const c = await tableCounts(t.url);
    const report = await seed(t.db, { sample: true, now: new Date() });
    expect(report).toMatchObject({ documentItemsAdded: 0, sampleLoaded: false });
    expect(await tableCounts(t.url)).toEqual(c);
  });
  describe("a year of the reporting cycle", () => {
    const periods = () =>
      t.db.reportingPeriod.findMany({
        orderBy: { opensOn: "asc" },
        include: { files: { select: { format: true, content: true, sha256: true } } },
      });

    it("has twelve closed monthly periods, each with frozen outcomes, item states and its 情况通报, and the current one open", async () => {
      const all = await periods();
      const closed = all.filter((p) => p.closedAt !== null);
      expect(closed.length).toBeGreaterThanOrEqual(11);
      const [year, month] = todayInChina(now).split("-").map(Number);
      expect(all.at(-1)).toMatchObject({ label: `${year}年${month}月`, closedAt: null });
      expect(all.at(-1)!.openedAt).not.toBeNull();
      for (const p of closed) {
        expect(p.files.map((f) => f.format).sort(), p.label).toEqual(["docx", "pdf"]);
        const pdf = p.files.find((f) => f.format === "pdf")!;
        expect(Buffer.from(pdf.content).subarray(0, 5).toString("latin1")).toBe("%PDF-");
        expect(await t.db.periodObligation.count({ where: { periodId: p.id, outcome: null } }), p.label).toBe(0);
        expect(await t.db.periodItemState.count({ where: { periodId: p.id } }), p.label).toBeGreaterThan(100);
        // Closed by the system a minute after its closing day (China), in date order.
        expect(p.closedAt!.toISOString(), p.label).toMatch(/T16:01:00\.000Z$/);
      }
    });

    it("has outcomes of every kind, most reports on time", async () => {
      const rows = await t.db.periodObligation.groupBy({
        by: ["outcome"],
        where: { period: { closedAt: { not: null } } },
        _count: { _all: true },
      });
      const by = Object.fromEntries(rows.map((r) => [r.outcome, r._count._all]));
      const total = rows.reduce((sum, r) => sum + r._count._all, 0);
      for (const outcome of ["ON_TIME", "LATE", "MISSING", "RETURNED"]) expect(by[outcome], outcome).toBeGreaterThan(0);
      expect(by.ON_TIME! / total).toBeGreaterThan(0.6);
      expect(by.MISSING! / total).toBeLessThan(0.15);
    });

    it("dates every report inside its period, and reviews it by the real trail: some returned, revised and resubmitted", async () => {
      const outside = await t.db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM progress_updates r JOIN reporting_periods p ON p.id = r.period_id
         WHERE r.submitted_at < (p.opens_on::timestamp AT TIME ZONE 'Asia/Shanghai')
            OR r.submitted_at >= ((p.closes_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
      expect(outside[0]!.n).toBe(0);
      expect(await t.db.progressUpdate.count({ where: { periodId: null } })).toBe(0);
      const resubmitted = await t.db.$queryRaw<{ n: number }[]>`
        SELECT count(DISTINCT r.report_id)::int AS n FROM report_events r
          JOIN report_events s ON s.report_id = r.report_id AND s.action = 'SUBMIT' AND s.at > r.at
          JOIN report_events a ON a.report_id = r.report_id AND a.action IN ('APPROVE', 'CLOSE_OUT') AND a.at > s.at
         WHERE r.action = 'RETURN' AND r.comment IS NOT NULL`;
      expect(resubmitted[0]!.n).toBeGreaterThan(10);
      // Decided by the sample coordinators, each of their own side.
      const deciders = await t.db.user.findMany({
        where: { reviewedReports: { some: {} } },
        select: { loginName: true },
        orderBy: { loginName: "asc" },
      });
      expect(deciders.map((u) => u.loginName)).toEqual(["duban.cq", "duban.joint", "duban.sc"]);
    });

    it("closes out (销号) every completed item by an approved report with PDF evidence", async () => {
      const completed = await t.db.item.findMany({
        where: { level: "ACTION", status: "COMPLETED" },
        select: { id: true, code: true, title: true, sourceExcerpt: true },
      });
      expect(completed.length).toBeGreaterThan(5);
      for (const item of completed) {
        const closing = await t.db.progressUpdate.findFirst({
          where: { itemId: item.id, state: "APPROVED", closesItem: true, status: "COMPLETED" },
          include: { attachments: true, events: { where: { action: "CLOSE_OUT" } } },
        });
        expect(closing, item.code).not.toBeNull();
        expect(closing!.events, item.code).toHaveLength(1);
        expect(closing!.attachments.length, item.code).toBeGreaterThanOrEqual(1);
        for (const a of closing!.attachments) {
          expect(Buffer.from(a.content).subarray(0, 5).toString("latin1")).toBe("%PDF-");
          expect(a.fileName).toMatch(/^[\u4e00-\u9fff]+\.pdf$/);
          expect(a.mediaType).toBe("application/pdf");
        }
        // The file that proves the item done, as its kind of work proves it (验收报告 only for construction).
        const kind = classifyKind({ code: item.code, title: item.title, excerpt: item.sourceExcerpt });
        expect(
          closing!.attachments.map((a) => a.fileName),
          item.code,
        ).toContain(CLOSE_OUT[kind].proof);
        expect(await t.db.itemHistory.count({ where: { itemId: item.id, action: "CLOSE_OUT" } })).toBe(1);
      }
    });

    it("leaves the current period with reports approved, awaiting review (待审核) and returned", async () => {
      const current = (await periods()).at(-1)!;
      const states = await t.db.progressUpdate.groupBy({
        by: ["state"],
        where: { periodId: current.id },
        _count: { _all: true },
      });
      const by = Object.fromEntries(states.map((s) => [s.state, s._count._all]));
      expect(by.SUBMITTED).toBeGreaterThan(0);
      expect(by.APPROVED).toBeGreaterThan(by.SUBMITTED!);
      // Nothing is dated after now.
      const latest = await t.db.reportEvent.aggregate({ _max: { at: true } });
      expect(latest._max.at!.getTime()).toBeLessThan(now.getTime());
    });

    it("marks late reports late: most are on time, some are not", async () => {
      const rows = await t.db.progressUpdate.groupBy({
        by: ["late"],
        where: { submittedAt: { not: null } },
        _count: { _all: true },
      });
      const by = Object.fromEntries(rows.map((r) => [String(r.late), r._count._all]));
      expect(by.true).toBeGreaterThan(0);
      expect(by.false! / (by.false! + by.true!)).toBeGreaterThan(0.75);
    });

    it("has the year's chase as the rules make it: 临近提醒, 催办, 督办 and escalations; 督办 and notifications sample data", async () => {
      const kinds = await t.db.chaseEvent.groupBy({ by: ["kind"], _count: { _all: true } });
      const by = Object.fromEntries(kinds.map((k) => [k.kind, k._count._all]));
      for (const kind of ["REMINDER", "URGE", "SUPERVISION", "ESCALATION"]) expect(by[kind], kind).toBeGreaterThan(0);
      // Fewer are urged than reminded, fewer supervised than urged: most units report once reminded.
      expect(by.URGE).toBeLessThan(by.REMINDER!);
      expect(by.SUPERVISION).toBeLessThan(by.URGE!);
      expect(await t.db.supervision.count({ where: { isSample: false } })).toBe(0);
      expect(await t.db.notification.count({ where: { isSample: false } })).toBe(0);
      // Each chase event told its recipients; most of them have read it.
      const told = await t.db.$queryRaw<{ recipients: number; notified: number; read: number }[]>`
        SELECT count(*)::int AS recipients, count(n.id)::int AS notified, count(n.read_at)::int AS read
          FROM chase_event_recipients r JOIN chase_events e ON e.id = r.event_id
          LEFT JOIN notifications n ON n.user_id = r.user_id AND n.key = e.key`;
      expect(told[0]!.notified).toBe(told[0]!.recipients);
      expect(told[0]!.read / told[0]!.recipients).toBeGreaterThan(0.6);
      expect(told[0]!.read).toBeLessThan(told[0]!.recipients);
      // Made on working days, a few minutes into the day (China), as the cycle tick makes them.
      const times = await t.db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM chase_events
         WHERE to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'HH24:MI') <> '00:03'
            OR extract(isodow FROM created_at AT TIME ZONE 'Asia/Shanghai') > 5 AND kind = 'REMINDER'`;
      expect(times[0]!.n).toBe(0);
    });

    it("supervises (督办) only reports not made on time: the period froze them missing, returned, or late (after the 督办)", async () => {
      const stray = await t.db.$queryRaw<{ n: number; total: number }[]>`
        SELECT count(*) FILTER (WHERE o.outcome IS NULL OR o.outcome NOT IN ('MISSING', 'RETURNED', 'LATE'))::int AS n,
               count(*)::int AS total
          FROM supervisions s JOIN supervision_items si ON si.supervision_id = s.id
          LEFT JOIN period_obligations o ON o.period_id = s.period_id AND o.item_id = si.item_id AND o.unit_id = s.unit_id
         WHERE s.reason = 'PERIOD_MISSING'`;
      expect(stray[0]!.total).toBeGreaterThan(0);
      expect(stray[0]!.n).toBe(0);
    });

    it("has 督办 signed (签收) and answered (反馈) mostly in time, some late, some never and escalated", async () => {
      const rows = await t.db.$queryRaw<{ ack: string; answer: string; escalation: string | null; n: number }[]>`
        SELECT CASE WHEN acknowledged_at IS NULL THEN 'never'
                    WHEN acknowledged_at < ((acknowledge_by + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') THEN 'onTime'
                    ELSE 'late' END AS ack,
               CASE WHEN answered_at IS NULL THEN 'never'
                    WHEN answered_at < ((reply_by + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') THEN 'onTime'
                    ELSE 'late' END AS answer,
               escalation::text AS escalation, count(*)::int AS n
          FROM supervisions
         WHERE reply_by < ${now}::date - 10
         GROUP BY 1, 2, 3`;
      const total = rows.reduce((sum, r) => sum + r.n, 0);
      const count = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((sum, r) => sum + r.n, 0);
      expect(total).toBeGreaterThan(10);
      expect(count((r) => r.ack === "onTime") / total).toBeGreaterThan(0.5);
      expect(count((r) => r.answer === "onTime") / total).toBeGreaterThan(0.4);
      expect(count((r) => r.ack === "late")).toBeGreaterThan(0);
      expect(count((r) => r.answer === "late")).toBeGreaterThan(0);
      expect(count((r) => r.answer === "never")).toBeGreaterThan(0);
      // Escalated exactly when signed or answered late or never (the first run after the missed day sees it).
      expect(count((r) => (r.ack !== "onTime" || r.answer !== "onTime") !== (r.escalation !== null))).toBe(0);
      // Answered by the 督办's own unit.
      const strangers = await t.db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM supervisions s JOIN users u ON u.id IN (s.acknowledged_by_id, s.answered_by_id)
         WHERE u.unit_id <> s.unit_id`;
      expect(strangers[0]!.n).toBe(0);
    });

    it("froze each 情况通报 as the app's own renderer lays it out from the period's frozen figures", async () => {
      const last = (await periods()).filter((p) => p.closedAt !== null).at(-1)!;
      const data = await queryBulletinData(t.db, last, last.closedAt!);
      expect(data.sampleData).toBe(true);
      const files = await renderBulletin(data);
      for (const format of ["docx", "pdf"] as const)
        expect(Buffer.from(last.files.find((f) => f.format === format)!.content).equals(files[format]), format).toBe(
          true,
        );
    });
  });
});
