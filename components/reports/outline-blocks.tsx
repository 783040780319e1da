// The preview's sections drawn from the very outline blocks the Word and PDF files lay out
// (lib/export/report-document.ts OutlineBlock), so the page and the documents say the same figures in the same words.
import type { OutlineBlock, OutlineRow } from "@/lib/export/report-document";
import styles from "./reports.module.css";

/** Whether cell `column` of `row` heads its row (a <th scope="row">) rather than being a plain cell. */
export type RowHeader = (column: number, row: OutlineRow) => boolean;

export function OutlineBlocks({
  blocks,
  rowHeader,
  tableTestId,
}: {
  blocks: OutlineBlock[];
  rowHeader: RowHeader;
  tableTestId?: string;
}) {
  return blocks.map((block, i) => {
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
      case "table": {
        const align = (j: number) => (block.columns[j]?.align === "right" ? styles.num : undefined);
        return (
          <table key={i} data-testid={tableTestId}>
            <thead>
              <tr>
                {block.columns.map((c, j) => (
                  <th key={j} scope="col" className={align(j)}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.cells.map((cell, j) => {
                    const content = row.strong ? <strong>{cell}</strong> : cell;
                    return rowHeader(j, row) ? (
                      <th key={j} scope="row" className={align(j)}>
                        {content}
                      </th>
                    ) : (
                      <td key={j} className={align(j)}>
                        {content}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      }
    }
  });
}
