// The Word and PDF reports from the running app (production build): a viewer requests them through the
// report route, the response carries the right type and a Chinese file name, and the files read back with
// independent readers (JSZip for the DOCX's XML, pdf.js for the PDF's text) hold the title and the counts
// that SQL written here computes from the database.
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { signInAs } from "./auth";
import { expect, test } from "./fixtures";

const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const TITLE = "成渝地区双城经济圈建设工作建议落实情况报告";

async function liveCounts(sql: Parameters<Parameters<typeof test>[2]>[0]["sql"]) {
  const [row] = await sql<{ items: number; completed: number }>(
    `SELECT count(*)::int AS items, (count(*) FILTER (WHERE status = 'COMPLETED'))::int AS completed
       FROM items WHERE level = 'ACTION' AND retired_at IS NULL`,
  );
  const pillars = await sql<{ number: number; title: string }>("SELECT number, title FROM pillars ORDER BY number");
  return { ...row!, pillars };
}

function expectChineseAttachment(disposition: string | undefined, extension: string) {
  expect(disposition).toMatch(
    new RegExp(
      `^attachment; filename="chengyu-report-sample-\\d{4}-\\d{2}-\\d{2}\\.${extension}"; filename\\*=UTF-8''`,
    ),
  );
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition ?? "")?.[1] ?? "";
  expect(decodeURIComponent(encoded)).toBe(`成渝工作报告-示例数据-${chinaToday()}.${extension}`);
}

test.describe("Word and PDF reports", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "leader");
  });

  test("a viewer gets the PDF report with real Chinese text, page numbers and embedded Noto Sans SC", async ({
    page,
    sql,
  }) => {
    const response = await page.request.get("/api/reports?format=pdf");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expectChineseAttachment(response.headers()["content-disposition"], "pdf");
    const body = await response.body();
    expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const doc = await getDocument({ data: new Uint8Array(body), verbosity: 0 }).promise;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(
        content.items
          .map((item) => ("str" in item ? item.str : ""))
          .join("")
          .replace(/\s+/g, ""),
      );
    }
    const all = pages.join("");
    const counts = await liveCounts(sql);
    expect(doc.numPages).toBeGreaterThan(1);
    expect(pages[0]).toContain(TITLE);
    expect(all).toContain(`共跟踪事项${counts.items}项`);
    expect(all).toContain(`已完成${counts.completed}项`);
    for (const pillar of counts.pillars) expect(all).toContain(`${pillar.number}．${pillar.title}`);
    pages.forEach((text, i) => expect(text).toContain(`第${i + 1}页/共${doc.numPages}页`));
    const raw = body.toString("latin1");
    expect(raw).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+NotoSansSC/);
    expect(raw).toContain("/FontFile2");
    expect(raw).not.toContain("/Type3");
    await doc.destroy();
  });

  test("a viewer gets the Word report with its title, counts, pillars and East Asian fonts", async ({ page, sql }) => {
    const response = await page.request.get("/api/reports?format=docx");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expectChineseAttachment(response.headers()["content-disposition"], "docx");

    const zip = await JSZip.loadAsync(await response.body());
    const document = await zip.file("word/document.xml")!.async("string");
    const styles = await zip.file("word/styles.xml")!.async("string");
    const text = [...document.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("|");
    const counts = await liveCounts(sql);
    expect(text).toContain(TITLE);
    expect(text).toContain(`共跟踪事项${counts.items}项`);
    expect(text).toContain(`已完成${counts.completed}项`);
    for (const pillar of counts.pillars) expect(text).toContain(`${pillar.number}．${pillar.title}`);
    expect(styles).toMatch(/<w:docDefaults>.*w:eastAsia="仿宋"/s);
    expect(document).toContain("<w:tblHeader/>");
  });
});
