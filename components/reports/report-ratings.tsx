// The preview's 考评 (红黑榜): the very outline blocks of the Word and PDF section (lib/export/report-ratings.ts),
// so the page and the documents show the same ranking in the same words — and, for an editor, the same single
// row of their own unit (ReportData.ratings is cut to the reader on the server). The unit's name heads its row.
import { ratingsBlocks } from "@/lib/export/report-ratings";
import type { ReportData } from "@/lib/report/types";
import { OutlineBlocks } from "./outline-blocks";

export function ReportRatings({ data }: { data: ReportData }) {
  return (
    <section data-testid="report-ratings">
      <OutlineBlocks
        blocks={ratingsBlocks(data, { numbered: false })}
        rowHeader={(j) => j === 1}
        tableTestId="report-ratings-ranking"
      />
    </section>
  );
}
