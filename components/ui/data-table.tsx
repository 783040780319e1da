import { Children, type ReactNode } from "react";

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
 * with `scroll`, in a box that scrolls sideways when the table is wider than the page. With `empty`, a list of no
 * rows (children an empty array, as `rows.map(…)` of none) shows that text instead of the table.
 */
export function DataTable({
  testId,
  columns = [],
  head,
  scroll = false,
  empty,
  children,
}: {
  testId: string;
  columns?: string[];
  head?: ReactNode;
  scroll?: boolean;
  empty?: ReactNode;
  children: ReactNode;
}) {
  if (empty !== undefined && Children.count(children) === 0) return <p className="muted">{empty}</p>;
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

/** Column labels from message keys, in order: `headings(t, ["number", "unit"])`. */
export function headings(t: (key: string) => string, keys: readonly string[]): string[] {
  return keys.map((key) => t(key));
}
