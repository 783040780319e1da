// The preview's investment table by pillar: the very outline blocks the Word and PDF files lay out
// (lib/export/report-investment.ts), so the page and the documents say the same figures in the same words.
import { formatReportDate } from "@/lib/export/report-document";
import { investmentBlocks } from "@/lib/export/report-investment";
import type { Translate } from "@/lib/i18n/translator";
import type { ReportData } from "@/lib/report/types";
import styles from "./reports.module.css";

export function ReportInvestment({ data, t }: { data: ReportData; t: Translate }) {
  const blocks = investmentBlocks(data, t, formatReportDate(data.asOf, data.locale));
  return (
    <section data-testid="report-investment">
      {blocks.map((block, i) => {
        switch (block.kind) {
          case "heading":
            return <h3 key={i}>{block.text}</h3>;
          case "paragraph":
            return <p key={i}>{block.text}</p>;
          case "table":
            return (
              <table key={i}>
                <thead>
                  <tr>
                    {block.columns.map((c, j) => (
                      <th key={j} scope="col" className={c.align === "right" ? styles.num : undefined}>
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {block.rows.map((row, r) => (
                    <tr key={r}>
                      {row.cells.map((cell, j) => {
                        const Cell = j === 0 && row.strong ? "th" : "td";
                        const className = block.columns[j]?.align === "right" ? styles.num : undefined;
                        return (
                          <Cell key={j} className={className} {...(Cell === "th" ? { scope: "row" } : {})}>
                            {row.strong ? <strong>{cell}</strong> : cell}
                          </Cell>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          default:
            return null;
        }
      })}
    </section>
  );
}
