// The 考评 (红黑榜) in the status report: two periods are closed on the sample data (February and March 2031, one
// unit reporting everything on time in March), and the report's ranking must be the ratings page's unit by unit —
// as of the report's own closed period, or the latest closed by its as-of day, or none before the first close.
// An editor's report holds their own unit's row only, in every format, whatever was exported before. The files
// come from the report route itself (GET /api/reports) and are read back: DOCX, PDF, XLSX, JSON and the CSV.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resetClock, setClock } from "@/lib/clock";
import { endOfDay } from "@/lib/dates";
import { translator } from "@/lib/i18n/translator";
import { BOARD_SIZE, RATING_COMPONENTS } from "@/lib/rating";
import type { ReportData, ReportRatingRow, ReportRequest } from "@/lib/report/types";
import { closePeriod } from "@/lib/writes/period-close";
import { openDuePeriods } from "@/lib/writes/periods";
import { fileDatabase } from "../setup/test-db";
import { fakeBulletinRenderer as fakeRender } from "../support/fake-renderers";
import { readDocx, readPdf, squash } from "../support/report-files";
import { signInAs as signInAccount } from "../support/session";

vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/navigation", async () => (await import("../support/next-interrupts")).navigationInterrupts);

const ratingsData = await import("../../lib/data/ratings");
const reportsData = await import("../../lib/data/reports");
const route = await import("../../app/api/reports/route");

const t = fileDatabase({ sample: true });
afterEach(() => resetClock());

const side = translator("zh-CN", "side");
const RANKING_HEADER = [
  "名次",
  "单位",
  "所属方面",
  "得分",
  "按时报送率",
  "一次通过率",
  "逾期事项",
  "督办按时反馈率",
  "榜单",
];

const signInAs = (loginName: string) => signInAccount(t.db, loginName);

const request = (asOf: string, period: ReportRequest["period"] = null): ReportRequest => ({
  scope: { kind: "all" },
  asOf,
  period,
  compare: null,
  locale: "zh-CN",
});

/** The report file the route answers the signed-in user (the clock is after both closes). */
async function download(format: string, params: string): Promise<Buffer> {
  setClock(new Date("2031-04-05T02:00:00Z"));
  const response = await route.GET(new Request(`http://127.0.0.1:3000/api/reports?${params}&format=${format}`));
  expect(response.status, await response.clone().text()).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** The report's row as the ratings page shows that unit. */
const pageRow = (r: ReportRatingRow) => ({
  unitId: r.unitId,
  unit: r.unit,
  side: r.side,
  rank: r.rank,
  score: r.score,
  board: r.board,
  components: r.components,
  ...r.counts,
});

// Each test builds whole reports of the sample year in several formats: about 45 s alone, more beside another file.
describe("the 考评 in the status report", { timeout: 180_000 }, () => {
  // February 2031 closes at 00:05 on 1 March (China), March at 00:05 on 1 April.
  const febClose = new Date("2031-02-28T16:05:00Z");
  const marClose = new Date("2031-03-31T16:05:00Z");
  let feb: { id: number; label: string; labelEn: string };
  let mar: { id: number; label: string; labelEn: string };
  let goodUnit: number;
  let editorLogin: string, editorUnit: number;

  beforeAll(async () => {
    await openDuePeriods(t.db, new Date("2031-02-10T02:00:00Z"));
    feb = await t.db.reportingPeriod.findFirstOrThrow({ where: { label: "2031年2月" } });
    expect((await closePeriod(t.db, feb.id, { actorId: null, now: febClose, render: fakeRender })).closed).toBe(true);

    await openDuePeriods(t.db, new Date("2031-03-10T02:00:00Z"));
    mar = await t.db.reportingPeriod.findFirstOrThrow({ where: { label: "2031年3月" } });
    // One unit reports everything on time and is approved first time.
    const [pick] = await t.db.$queryRaw<{ unit_id: number }[]>`
      SELECT unit_id FROM period_obligations WHERE period_id = ${mar.id}
      GROUP BY unit_id HAVING count(*) >= 2 ORDER BY unit_id LIMIT 1`;
    goodUnit = pick!.unit_id;
    for (const o of await t.db.periodObligation.findMany({ where: { periodId: mar.id, unitId: goodUnit } })) {
      const at = new Date("2031-03-15T02:00:00Z");
      const r = await t.db.progressUpdate.create({
        data: {
          itemId: o.itemId,
          unitId: goodUnit,
          periodId: mar.id,
          state: "APPROVED",
          submittedAt: at,
          createdAt: at,
          status: "IN_PROGRESS",
          progress: 60,
          confidence: "GREEN",
          note: "本月进展（测试）",
        },
      });
      await t.db.reportEvent.create({
        data: { reportId: r.id, itemId: o.itemId, periodId: mar.id, action: "APPROVE", at },
      });
    }
    expect((await closePeriod(t.db, mar.id, { actorId: null, now: marClose, render: fakeRender })).closed).toBe(true);

    // An editor of a unit rated in March other than the top one.
    const [editor] = await t.db.$queryRaw<{ login: string; unit_id: number }[]>`
      SELECT min(u.login_name) AS login, u.unit_id FROM users u
      JOIN period_obligations o ON o.unit_id = u.unit_id AND o.period_id = ${mar.id}
      WHERE u.role = 'EDITOR' AND NOT u.disabled AND u.unit_id <> ${goodUnit}
      GROUP BY u.unit_id ORDER BY u.unit_id LIMIT 1`;
    editorLogin = editor!.login;
    editorUnit = editor!.unit_id;
  });

  it("ranks as the ratings page does, unit by unit, for the latest close by the as-of day and for a period", async () => {
    await signInAs("leader");
    const page = (await ratingsData.getPeriodRating(mar.id))!;
    expect(page.rows.length).toBeGreaterThanOrEqual(2 * BOARD_SIZE);
    const report = await reportsData.getReport(request("2031-04-02"));
    const r = report.ratings!;
    expect(r.period).toMatchObject({ id: mar.id, label: "2031年3月", closedAt: marClose.toISOString() });
    expect(r.seesAll).toBe(true);
    expect(r.rankedCount).toBe(page.rankedCount);
    expect(r.weights).toEqual(page.weights.weights);
    expect(r.rows.map(pageRow)).toEqual(
      page.rows.map((p) => ({
        unitId: p.unitId,
        unit: p.unit,
        side: p.side,
        rank: p.rank,
        score: p.score,
        board: p.board,
        components: p.components,
        obligations: p.obligations,
        onTime: p.onTime,
        late: p.late,
        missing: p.missing,
        returned: p.returned,
        reviewed: p.reviewed,
        firstPass: p.firstPass,
        items: p.items,
        overdue: p.overdue,
        supervisions: p.supervisions,
        answeredOnTime: p.answeredOnTime,
        pending: p.pending,
      })),
    );
    // The unit that reported everything on time, approved first time, has full marks for both (its overdue items,
    // after the sample's year, decide where it ranks); the first row tops the 红榜; both lists are full.
    expect(r.rows.find((x) => x.unitId === goodUnit)!.components).toMatchObject({ onTime: 1, firstPass: 1 });
    expect(r.rows[0]).toMatchObject({ rank: 1, board: "RED" });
    expect(r.rows.filter((x) => x.board === "RED").length).toBeGreaterThanOrEqual(BOARD_SIZE);
    expect(r.rows.filter((x) => x.board === "BLACK").length).toBeGreaterThanOrEqual(BOARD_SIZE);

    // As of February's close: February's rating, as its page shows it.
    const asOfFeb = await reportsData.getReport(request("2031-03-01", { ...feb, closedAt: febClose.toISOString() }));
    const febPage = (await ratingsData.getPeriodRating(feb.id))!;
    expect(asOfFeb.ratings!.period.id).toBe(feb.id);
    expect(asOfFeb.ratings!.rows.map((x) => [x.unitId, x.rank, x.score, x.board])).toEqual(
      febPage.rows.map((x) => [x.unitId, x.rank, x.score, x.board]),
    );
  });

  it("shows the previous closed period as of a day before a close, and none before the first close", async () => {
    await signInAs("leader");
    // 31 March ends before March closes (00:05 on 1 April): February's.
    expect((await reportsData.getReport(request("2031-03-31"))).ratings!.period.id).toBe(feb.id);
    // The day before the first close of all (none in the sample data before February's).
    const [first] = await t.db.$queryRaw<{ closed_at: Date }[]>`
      SELECT min(closed_at) AS closed_at FROM reporting_periods WHERE closed_at IS NOT NULL`;
    const [day] = await t.db.$queryRaw<{ day: string }[]>`
      SELECT to_char((${first!.closed_at}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date - 1, 'YYYY-MM-DD') AS day`;
    expect(endOfDay(day!.day).getTime()).toBeLessThan(first!.closed_at.getTime());
    const before = await reportsData.getReport(request(day!.day));
    expect(before.ratings).toBeNull();
    // The written report says so.
    setClock(new Date("2031-04-05T02:00:00Z"));
    const doc = await readDocx(await download("docx", `asOf=${day!.day}&compare=none`));
    const at = doc.paragraphs.indexOf("五、考评与红黑榜");
    expect(at).toBeGreaterThan(0);
    expect(doc.paragraphs[at + 1]).toBe(`截至 ${day!.day}，还没有已关闭的填报周期，暂无考评。`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download("xlsx", `asOf=${day!.day}&compare=none`)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("考评")!.getRow(1).getCell(1).value).toBe(
      `截至 ${day!.day}，还没有已关闭的填报周期，暂无考评。`,
    );
  });

  it("writes the ranking into the Word, PDF, Excel and JSON files; the CSV stays the items", async () => {
    await signInAs("leader");
    const params = "asOf=2031-04-02&compare=none";
    const json = JSON.parse((await download("json", params)).toString("utf8")) as ReportData;
    const r = json.ratings!;
    expect(r.period.id).toBe(mar.id);
    const page = (await ratingsData.getPeriodRating(mar.id))!;
    expect(r.rows.map((x) => [x.unitId, x.rank, x.score, x.board])).toEqual(
      page.rows.map((x) => [x.unitId, x.rank, x.score, x.board]),
    );
    const pct = (v: number | null) => (v === null ? "—（不计）" : `${(Math.round(v * 1000) / 10).toFixed(1)}%`);
    const entry = (x: ReportRatingRow) => `第 ${x.rank} 名　${x.unit}（${side(x.side)}）　${x.score!.toFixed(1)} 分`;
    const red = r.rows.filter((x) => x.board === "RED").map(entry);
    const black = r.rows.filter((x) => x.board === "BLACK").map(entry);

    // Word: the section after the summary sections, before the item tables; the lists; the full ranking.
    const doc = await readDocx(await download("docx", params));
    const heading = doc.paragraphs.indexOf("五、考评与红黑榜（2031年3月）");
    expect(heading).toBeGreaterThan(doc.paragraphs.indexOf("四、变化情况"));
    expect(heading).toBeLessThan(doc.paragraphs.indexOf("六、分方面事项明细"));
    expect(doc.paragraphs[heading + 1]).toContain("以下为2031年3月填报周期（2031-04-01 00:05 关闭）各单位的考评");
    const section = doc.paragraphs.slice(heading);
    expect(
      section.some((p) =>
        p.startsWith("本周期计分权重：按时报送率 40、一次通过率 30、逾期事项 20、督办按时反馈率 10。"),
      ),
    ).toBe(true);
    const redAt = section.indexOf(`红榜（前 ${BOARD_SIZE} 名）`);
    const blackAt = section.indexOf(`黑榜（后 ${BOARD_SIZE} 名）`);
    expect(redAt).toBeGreaterThan(0);
    expect(section.slice(redAt + 1, redAt + 1 + red.length)).toEqual(red);
    expect(section.slice(blackAt + 1, blackAt + 1 + black.length)).toEqual(black);
    const header = doc.rows.findIndex((row) => row.join("|") === RANKING_HEADER.join("|"));
    expect(header).toBeGreaterThanOrEqual(0);
    const table = doc.rows.slice(header + 1, header + 1 + r.rows.length);
    expect(table).toEqual(
      r.rows.map((x) => [
        x.rank === null ? "未排名" : String(x.rank),
        x.unit,
        side(x.side),
        x.score === null ? "—" : x.score.toFixed(1),
        pct(x.components.onTime),
        pct(x.components.firstPass),
        x.counts.items > 0
          ? `${pct(x.components.overdue)}（${x.counts.overdue}/${x.counts.items}）`
          : pct(x.components.overdue),
        pct(x.components.supervision),
        x.board === "RED" ? "红榜" : x.board === "BLACK" ? "黑榜" : "",
      ]),
    );

    // PDF: the same section, the lists and every unit of the ranking with its score.
    const pdf = await readPdf(await download("pdf", params));
    const text = pdf.pages.join("");
    const from = text.indexOf(squash("五、考评与红黑榜（2031年3月）"));
    expect(from).toBeGreaterThan(0);
    const pdfSection = text.slice(from);
    for (const e of [...red, ...black]) expect(pdfSection).toContain(squash(e));
    let cursor = 0;
    for (const x of r.rows) {
      const at = pdfSection.indexOf(squash(`${x.unit}${side(x.side)}${x.score?.toFixed(1) ?? "—"}`), cursor);
      expect(at, x.unit).toBeGreaterThan(cursor - 1);
      cursor = at;
    }

    // Excel: the 考评 sheet, numbers as numbers and rates as real fractions in % format.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download("xlsx", params)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toContain("考评");
    const sheet = wb.getWorksheet("考评")!;
    // The documents' columns, with the counts behind the overdue rate before the board.
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      ...RANKING_HEADER.slice(0, -1),
      "逾期事项数",
      "在办事项数",
      RANKING_HEADER.at(-1),
    ]);
    r.rows.forEach((x, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value ?? null).toBe(x.rank);
      expect(row.getCell(2).value).toBe(x.unit);
      expect(row.getCell(4).value ?? null).toBe(x.score);
      RATING_COMPONENTS.forEach((k, c) => {
        const cell = row.getCell(5 + c);
        if (x.components[k] === null) expect(cell.value ?? null).toBeNull();
        else {
          expect(cell.value as number).toBeCloseTo(x.components[k]!, 12);
          expect(cell.numFmt).toBe("0.0%");
        }
      });
      expect(row.getCell(9).value).toBe(x.counts.overdue);
      expect(row.getCell(10).value).toBe(x.counts.items);
      expect(row.getCell(11).value ?? null).toBe(x.board === null ? null : x.board === "RED" ? "红榜" : "黑榜");
    });
    expect(sheet.getRow(r.rows.length + 2).getCell(2).value ?? null).toBeNull();

    // CSV: the items only, exactly as before (what the import reads back).
    const csv = parse((await download("csv", params)).toString("utf8").replace(/^\uFEFF/, "")) as string[][];
    expect(csv.length).toBe(json.items.length + 1);
    expect(csv.flat()).not.toContain("红榜");
  });

  it("gives an editor their own unit's row only, in every format, and no 红黑榜", async () => {
    // Leadership's files first: the editor must not be served them from the report cache.
    await signInAs("leader");
    const params = "asOf=2031-04-02&compare=none";
    const leaderJson = JSON.parse((await download("json", params)).toString("utf8")) as ReportData;
    await download("docx", params);
    expect(leaderJson.ratings!.rows.length).toBeGreaterThan(1);
    const own = leaderJson.ratings!.rows.find((x) => x.unitId === editorUnit)!;
    const others = leaderJson.ratings!.rows.filter((x) => x.unitId !== editorUnit);

    await signInAs(editorLogin);
    const data = await reportsData.getReport(request("2031-04-02"));
    expect(data.ratings!.seesAll).toBe(false);
    expect(data.ratings!.rows).toEqual([own]);
    // …and the page's data agrees.
    expect((await ratingsData.getPeriodRating(mar.id))!.rows.map((x) => x.unitId)).toEqual([editorUnit]);

    const json = JSON.parse((await download("json", params)).toString("utf8")) as ReportData;
    expect(json.ratings).toMatchObject({ seesAll: false, rankedCount: leaderJson.ratings!.rankedCount });
    expect(json.ratings!.rows).toEqual([own]);

    const doc = await readDocx(await download("docx", params));
    const heading = doc.paragraphs.indexOf("五、考评与红黑榜（2031年3月）");
    expect(heading).toBeGreaterThan(0);
    const section = doc.paragraphs.slice(heading, doc.paragraphs.indexOf("六、分方面事项明细"));
    expect(section).toContain("本单位考评");
    expect(section.some((p) => p.startsWith("红榜") || p.startsWith("黑榜"))).toBe(false);
    const header = doc.rows.findIndex((row) => row.join("|") === RANKING_HEADER.join("|"));
    expect(doc.rows[header + 1]![1]).toBe(own.unit);
    // No ranking row of another unit anywhere in the document, and no 红黑榜 line naming one.
    const rankingRows = doc.rows.filter((row) => row.length === RANKING_HEADER.length);
    expect(rankingRows.slice(1).map((row) => row[1])).toEqual([own.unit]);
    for (const o of others) expect(section.join("\n")).not.toContain(`${o.unit}（`);

    const pdf = await readPdf(await download("pdf", params));
    const text = pdf.pages.join("");
    const pdfSection = text.slice(text.indexOf(squash("五、考评与红黑榜（2031年3月）")));
    expect(pdfSection).toContain(squash("本单位考评"));
    expect(pdfSection).not.toContain(squash(`红榜（前 ${BOARD_SIZE} 名）`));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download("xlsx", params)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("考评")!;
    expect(sheet.getRow(2).getCell(2).value).toBe(own.unit);
    expect(sheet.getRow(3).getCell(1).value ?? null).toBeNull();
    const units = new Set<unknown>();
    sheet.eachRow((row) => units.add(row.getCell(2).value));
    for (const o of others) expect(units.has(o.unit)).toBe(false);
  });
});
