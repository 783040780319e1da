// The preview's investment table by pillar: the very outline blocks the Word and PDF files lay out
// (lib/export/report-investment.ts); the total row's label heads its row.
import { formatReportDate } from "@/lib/export/report-document";
import { investmentBlocks } from "@/lib/export/report-investment";
import type { Translate } from "@/lib/i18n/translator";
import type { ReportData } from "@/lib/report/types";
import { OutlineBlocks } from "./outline-blocks";

export function ReportInvestment({ data, t }: { data: ReportData; t: Translate }) {
  const blocks = investmentBlocks(data, t, formatReportDate(data.asOf, data.locale));
  return (
    <section data-testid="report-investment">
      <OutlineBlocks blocks={blocks} rowHeader={(j, row) => j === 0 && row.strong} />
    </section>
  );
}
