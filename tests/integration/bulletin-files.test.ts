// The 情况通报 files are rendered once, at the close, and must come out byte for byte the same for the same
// data whenever they are rendered: the documents' own dates are the close instant and nothing random is in
// them. Checked by rendering at two different (faked) system times; without the fixed date the bytes differ,
// which shows the check can fail.
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildBulletinOutline } from "@/lib/export/bulletin-document";
import { renderOutlineDocx } from "@/lib/export/docx";
import { renderOutlinePdf } from "@/lib/export/pdf";
import { dosTimeDate, withZipTimes } from "@/lib/export/zip-times";
import type { BulletinData } from "@/lib/report/bulletin";
import { cells, readDocx, readPdf, squash } from "../support/report-files";

const data: BulletinData = {
  locale: "zh-CN",
  sampleData: true,
  period: {
    id: 1,
    label: "2026年11月",
    labelEn: "November 2026",
    opensOn: "2026-11-01",
    deadline: "2026-11-25",
    closesOn: "2026-11-30",
    closedAt: "2026-11-30T16:00:00.000Z",
    early: false,
  },
  total: { required: 4, submitted: 2, approved: 1, returned: 1, missing: 1, late: 1 },
  sides: [
    { side: "SICHUAN", required: 2, submitted: 1, approved: 1, returned: 0, missing: 1, late: 0 },
    { side: "CHONGQING", required: 2, submitted: 1, approved: 0, returned: 1, missing: 0, late: 1 },
  ],
  units: [
    {
      unitId: 1,
      unit: "四川省发展和改革委员会",
      side: "SICHUAN",
      required: 2,
      submitted: 1,
      approved: 1,
      returned: 0,
      missing: 1,
      late: 0,
    },
    {
      unitId: 2,
      unit: "重庆市交通运输委员会",
      side: "CHONGQING",
      required: 2,
      submitted: 1,
      approved: 0,
      returned: 1,
      missing: 0,
      late: 1,
    },
  ],
  behind: [
    { unit: "四川省发展和改革委员会", side: "SICHUAN", late: [], returned: [], missing: ["1.1.2"] },
    { unit: "重庆市交通运输委员会", side: "CHONGQING", late: ["3.1.4"], returned: ["3.1.5"], missing: [] },
  ],
  lagging: [
    {
      code: "3.1.4",
      title: "推进成渝中线高铁建设",
      leadUnits: "重庆市交通运输委员会、四川省交通运输厅",
      status: "IN_PROGRESS",
      confidence: "RED",
      progress: 35,
      dueDate: "2026-10-31",
      daysOverdue: 30,
    },
  ],
  laggingTotal: 1,
  chase: {
    from: "2026-11-01",
    to: "2026-11-30",
    kinds: [
      { kind: "REMINDER", events: 2, units: 2, recipients: 3, read: 2 },
      { kind: "URGE", events: 1, units: 1, recipients: 2, read: 0 },
      { kind: "SUPERVISION", events: 1, units: 1, recipients: 2, read: 1 },
      { kind: "ESCALATION", events: 0, units: 0, recipients: 0, read: 0 },
    ],
    events: [
      {
        kind: "REMINDER",
        unit: "四川省发展和改革委员会",
        side: "SICHUAN",
        on: "2026-11-20",
        period: "2026年11月",
        recipients: 2,
        read: 2,
      },
      {
        kind: "REMINDER",
        unit: "重庆市交通运输委员会",
        side: "CHONGQING",
        on: "2026-11-20",
        period: "2026年11月",
        recipients: 1,
        read: 0,
      },
      {
        kind: "URGE",
        unit: "四川省发展和改革委员会",
        side: "SICHUAN",
        on: "2026-11-25",
        period: "2026年11月",
        recipients: 2,
        read: 0,
      },
    ],
    eventsTotal: 3,
    supervisions: [
      {
        number: "川渝督〔2026〕12号",
        unit: "四川省发展和改革委员会",
        side: "SICHUAN",
        reason: "PERIOD_MISSING",
        items: 1,
        issuedOn: "2026-11-27",
        acknowledgeBy: "2026-12-01",
        replyBy: "2026-12-04",
        acknowledged: "ON_TIME",
        acknowledgedOn: "2026-11-30",
        answered: "PENDING",
        answeredOn: null,
        escalated: false,
      },
    ],
  },
};

afterEach(() => vi.useRealTimers());

async function renderAt<T>(systemTime: string, render: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date(systemTime) });
  try {
    return await render();
  } finally {
    vi.useRealTimers();
  }
}

describe("the bulletin's files", () => {
  const outline = buildBulletinOutline(data);
  const fixedAt = new Date(data.period.closedAt);

  it("say what the data says, in Word and PDF", async () => {
    const docx = await readDocx(await renderOutlineDocx(outline, { fixedAt }));
    const text = docx.paragraphs.join("\n");
    expect(text).toContain("2026年11月工作落实情况通报");
    expect(text).toContain("【示例数据】");
    expect(text).toContain("本期共有报送任务4项，已报送2项（其中按时1项、逾期1项），审核通过1项");
    expect(docx.rows).toContainEqual(["四川", "2", "1", "1", "0", "1", "0"]);
    expect(docx.rows).toContainEqual(["合计", "4", "2", "1", "1", "1", "1"]);
    expect(docx.rows).toContainEqual(["重庆市交通运输委员会", "重庆", "1项：3.1.4", "1项：3.1.5", ""]);
    expect(docx.styles).toContain('w:eastAsia="仿宋"');
    // The chase section: counts by kind, each reminder and 催办, each 督办 with its 签收 and 反馈.
    expect(text).toContain("六、催办督办情况");
    expect(text).toContain("共发出临近提醒2次、到期催办1次，下发督办通知单1份，升级督办0次");
    expect(text).toContain("提醒和催办共通知5人次，已读2人次");
    expect(docx.rows).toContainEqual(["临近提醒", "2", "2", "3", "2"]);
    expect(docx.rows).toContainEqual(["督办", "1", "1", "2", "1"]);
    expect(docx.rows).toContainEqual(["到期催办", "四川省发展和改革委员会", "四川", "2026-11-25", "2026年11月", "0/2"]);
    expect(docx.rows).toContainEqual(
      cells(
        "川渝督〔2026〕12号 | 四川省发展和改革委员会 | 周期报告未报送（1项） | 2026-11-27 | 按时（2026-11-30） | 未到期（限2026-12-04） | 否",
      ),
    );

    const pdf = await readPdf(await renderOutlinePdf(outline, { fixedAt }));
    const all = pdf.pages.join("");
    for (const s of [
      "2026年11月工作落实情况通报",
      "推进成渝中线高铁建设",
      "四川省发展和改革委员会",
      "川渝督〔2026〕12号",
    ])
      expect(all).toContain(squash(s));
  }, 60_000);

  it("are the same bytes whenever they are rendered", async () => {
    const docx1 = await renderAt("2027-01-01T01:02:03Z", () => renderOutlineDocx(outline, { fixedAt }));
    const docx2 = await renderAt("2031-06-07T08:09:10Z", () => renderOutlineDocx(outline, { fixedAt }));
    expect(docx1.equals(docx2)).toBe(true);
    const pdf1 = await renderAt("2027-01-01T01:02:03Z", () => renderOutlinePdf(outline, { fixedAt }));
    const pdf2 = await renderAt("2031-06-07T08:09:10Z", () => renderOutlinePdf(outline, { fixedAt }));
    expect(pdf1.equals(pdf2)).toBe(true);
    expect(pdf1.toString("latin1")).toContain("D:20261130160000Z");
  }, 60_000);

  it("differ by render time without the fixed date (so the check above can fail)", async () => {
    const docx1 = await renderAt("2027-01-01T01:02:03Z", () => renderOutlineDocx(outline));
    const docx2 = await renderAt("2031-06-07T08:09:10Z", () => renderOutlineDocx(outline));
    expect(docx1.equals(docx2)).toBe(false);
    const pdf1 = await renderAt("2027-01-01T01:02:03Z", () => renderOutlinePdf(outline));
    const pdf2 = await renderAt("2031-06-07T08:09:10Z", () => renderOutlinePdf(outline));
    expect(pdf1.equals(pdf2)).toBe(false);
  }, 60_000);

  it("stamp every zip entry with the close, in China's wall-clock time", async () => {
    const zip = await renderOutlineDocx(outline);
    const fixed = withZipTimes(zip, fixedAt);
    // 2026-12-01 00:00 in China
    expect(dosTimeDate(fixedAt)).toEqual({ time: 0, date: ((2026 - 1980) << 9) | (12 << 5) | 1 });
    const { time, date } = dosTimeDate(fixedAt);
    let entries = 0;
    for (let i = 0; i + 4 <= fixed.length; i += 1) {
      if (fixed.readUInt32LE(i) !== 0x04034b50) continue;
      expect([fixed.readUInt16LE(i + 10), fixed.readUInt16LE(i + 12)]).toEqual([time, date]);
      entries += 1;
    }
    expect(entries).toBeGreaterThan(5);
    expect(() => withZipTimes(Buffer.from("not a zip at all, really not a zip"), fixedAt)).toThrow(/zip/);
  });
});
