import type { ReactNode } from "react";
import styles from "./admin.module.css";

/** An admin list: a table that scrolls sideways on a narrow screen, with a header row of `columns`. */
export function AdminTable({ columns, testId, children }: { columns: string[]; testId?: string; children: ReactNode }) {
  return (
    <div className={styles.tableWrap}>
      <table data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
