// The preview's 关键指标 table and each pillar's indicator lines: the outline blocks of lib/export/report-indicators.ts
// that the Word and PDF files lay out, as of the report's moment.
import { formatReportDate } from "@/lib/export/report-document";
import { indicatorsBlocks, pillarIndicatorBlocks } from "@/lib/export/report-indicators";
import type { Translate } from "@/lib/i18n/translator";
import type { ReportData, ReportItem } from "@/lib/report/types";
import { OutlineBlocks } from "./outline-blocks";

const noRowHeader = () => false;

export function ReportIndicators({ data, t }: { data: ReportData; t: Translate }) {
  const day = (iso: string) => formatReportDate(iso, data.locale);
  const blocks = indicatorsBlocks(data, t, formatReportDate(data.asOf, data.locale), day);
  return (
    <section data-testid="report-indicators">
      <OutlineBlocks blocks={blocks} rowHeader={noRowHeader} />
    </section>
  );
}

export function PillarIndicators({ data, items, t }: { data: ReportData; items: ReportItem[]; t: Translate }) {
  const blocks = pillarIndicatorBlocks(data, items, t, (iso) => formatReportDate(iso, data.locale));
  return blocks.length === 0 ? null : (
    <div data-testid="report-pillar-indicators">
      <OutlineBlocks blocks={blocks} rowHeader={noRowHeader} />
    </div>
  );
}
