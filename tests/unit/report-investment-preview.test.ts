// The report page's preview shows the same investment table as the Word and PDF files: the outline blocks of
// lib/export/report-investment.ts as an HTML table with column headers and the total row as a row header.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReportInvestment } from "@/components/reports/report-investment";
import { translator } from "@/lib/i18n/translator";
import { amountInYi } from "@/lib/money";
import { reportFixture } from "../support/report-fixture";

describe("the preview's investment table", () => {
  it("lists every pillar's 计划投资, 完成投资 and 完成率 in 亿元, and the total", () => {
    const data = reportFixture();
    const html = renderToStaticMarkup(createElement(ReportInvestment, { data, t: translator("zh-CN", "reportDoc") }));
    expect(html).toContain("<h3>分方面投资完成情况（2026年）</h3>");
    expect(html).toContain('<th scope="col"');
    for (const p of data.investment.pillars) {
      expect(html).toContain(`<td>${p.number}．${p.title}</td>`);
      expect(html).toContain(`>${amountInYi(p.planned)}</td>`);
    }
    const total = data.investment.total;
    expect(html).toContain('<th scope="row"><strong>合计</strong></th>');
    expect(html).toContain(`<strong>${amountInYi(total.completed)}</strong>`);
    expect(html).toContain(`<strong>${total.rate}%</strong>`);
  });
});
