// A tiny trend line of an indicator's actual values, drawn on the server as SVG (no client JavaScript). It is an
// image with a name and a summary; the values themselves are in the table beside it (the text alternative).
import { sparklinePoints, type TrendPoint } from "@/lib/indicators";
import styles from "./indicators.module.css";

const WIDTH = 120;
const HEIGHT = 32;

export function Sparkline({
  id,
  points,
  label,
  summary,
}: {
  id: string;
  points: TrendPoint[];
  label: string;
  summary: string;
}) {
  const xy = sparklinePoints(points, WIDTH, HEIGHT);
  const last = xy.at(-1);
  return (
    <svg
      className={styles.sparkline}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      data-testid="indicator-sparkline"
      data-points={xy.length}
    >
      <title id={`${id}-title`}>{label}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {xy.length > 1 && (
        <polyline
          points={xy.map((p) => `${p.x},${p.y}`).join(" ")}
          fill="none"
          stroke="currentColor"
          strokeWidth={1.5}
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      )}
      {last && <circle cx={last.x} cy={last.y} r={2.5} fill="currentColor" />}
    </svg>
  );
}
