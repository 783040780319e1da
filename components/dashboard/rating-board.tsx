"use client";

// A 红榜 or 黑榜 list of the dashboard's ratings panel, drawn from compact rows (one short array per unit instead of
// a tree of elements in the RSC payload). Rendered on the server as well (SSR): in the first HTML.
import Link from "@/components/ui/link";

/** [unit id, unit name, its rank in words, its score as shown] */
export type BoardRow = [number, string, string, string];

export function RatingBoard({ rows, period, testId }: { rows: BoardRow[]; period: number; testId: string }) {
  return (
    <ol className="plain" data-testid={testId}>
      {rows.map(([unit, name, rank, score]) => (
        <li key={unit} data-unit={unit}>
          {rank} <Link href={`/ratings?period=${period}&unit=${unit}`}>{name}</Link> <strong>{score}</strong>
        </li>
      ))}
    </ol>
  );
}
