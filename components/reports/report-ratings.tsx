// The preview's 考评 (红黑榜): the very outline blocks of the Word and PDF section (lib/export/report-ratings.ts),
// so the page and the documents show the same ranking in the same words — and, for an editor, the same single
// row of their own unit (ReportData.ratings is cut to the reader on the server).
import { ratingsBlocks } from "@/lib/export/report-ratings";
import type { ReportData } from "@/lib/report/types";
import styles from "./reports.module.css";

export function ReportRatings({ data }: { data: ReportData }) {
  const blocks = ratingsBlocks(data, { numbered: false });
  return (
    <section data-testid="report-ratings">
      {blocks.map((block, i) => {
        switch (block.kind) {
          case "heading":
            return block.level === 1 ? <h2 key={i}>{block.text}</h2> : <h3 key={i}>{block.text}</h3>;
          case "paragraph":
            return <p key={i}>{block.text}</p>;
          case "entries":
            return (
              <ul key={i}>
                {block.entries.map((e, j) => (
                  <li key={j}>{e}</li>
                ))}
              </ul>
            );
          case "table":
            return (
              <table key={i} data-testid="report-ratings-ranking">
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
                      {row.cells.map((cell, j) =>
                        j === 1 ? (
                          <th key={j} scope="row">
                            {cell}
                          </th>
                        ) : (
                          <td key={j} className={block.columns[j]?.align === "right" ? styles.num : undefined}>
                            {cell}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
        }
      })}
    </section>
  );
}
