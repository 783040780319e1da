// The written report's investment table (in section 二, after the pillars' progress): the scope's 计划投资,
// 完成投资 and 完成率 of the report year by pillar, with the total, in 亿元 as Chinese reports write them. The
// figures are ReportData.investment — the roll-up queries' own — only formatted here (lib/money.ts).
import { amountInYi } from "../money";
import type { Translate } from "../i18n/translator";
import type { ReportData, ReportInvestmentFigures } from "../report/types";
import type { OutlineBlock, OutlineColumn, OutlineRow } from "./report-document";

export function investmentBlocks(data: ReportData, t: Translate, asOf: string): OutlineBlock[] {
  const { year, pillars, total } = data.investment;
  const blocks: OutlineBlock[] = [{ kind: "heading", level: 2, text: t("investmentHeading", { year }) }];
  if (pillars.length === 0) return [...blocks, { kind: "paragraph", text: t("investmentNone", { year }) }];
  const rate = (f: ReportInvestmentFigures) => (f.rate === null ? t("noRate") : t("percent", { value: f.rate }));
  const cells = (f: ReportInvestmentFigures) => [amountInYi(f.planned), amountInYi(f.completed), rate(f)];
  const columns: OutlineColumn[] = [
    { label: t("colPillar"), width: 0.46, align: "left" },
    { label: t("colPlanned"), width: 0.19, align: "right" },
    { label: t("colInvestmentDone"), width: 0.19, align: "right" },
    { label: t("colRate"), width: 0.16, align: "right" },
  ];
  const rows: OutlineRow[] = [
    ...pillars.map((p) => ({
      cells: [t("pillarHeading", { number: p.number, title: p.title }), ...cells(p)],
      strong: false,
    })),
    { cells: [t("investmentTotal"), ...cells(total)], strong: true },
  ];
  blocks.push({
    kind: "paragraph",
    text: t("investmentIntro", {
      date: asOf,
      year,
      planned: amountInYi(total.planned),
      completed: amountInYi(total.completed),
      rate: rate(total),
    }),
  });
  blocks.push({ kind: "table", columns, rows });
  return blocks;
}
