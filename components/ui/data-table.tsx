import type { ReactNode } from "react";

/** Header cells (scope="col"), one per label. */
export function ColumnHeaders({ labels }: { labels: string[] }) {
  return (
    <>
      {labels.map((label) => (
        <th key={label} scope="col">
          {label}
        </th>
      ))}
    </>
  );
}

/**
 * A table: one header row — a cell per label of `columns`, then any `head` cells — over the rows given as children;
 * with `scroll`, in a box that scrolls sideways when the table is wider than the page.
 */
export function DataTable({
  testId,
  columns = [],
  head,
  scroll = false,
  children,
}: {
  testId: string;
  columns?: string[];
  head?: ReactNode;
  scroll?: boolean;
  children: ReactNode;
}) {
  const table = (
    <table data-testid={testId}>
      <thead>
        <tr>
          <ColumnHeaders labels={columns} />
          {head}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  return scroll ? <div style={{ overflowX: "auto" }}>{table}</div> : table;
}
