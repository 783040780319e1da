"use client";

// The map's markup, drawn from compact rows (region-map.tsx builds them on the server from the layout). A server
// component's markup crosses the wire twice, as HTML and again as a tree of elements in the RSC payload (about
// 21 KB of the dashboard for the map's links); a client leaf's markup is sent once, as HTML, and its props as
// data. Rendered on the server as well (SSR): the map is in the first HTML, every region a link, no JavaScript
// needed to see or use it. Imports nothing that draws (d3-geo, the outlines): the sprite holds the geometry.
import { classesOf, NO_ITEMS, type MapMode } from "@/lib/map/figures";
import styles from "./region-map.module.css";

/** What a region's link shows and says: [href, accessible name, region name, figure text, class key, value, items] */
export type RegionLink = [string, string, string, string, string, number | null, number];
/** [sprite id of its outline, label x, label y, ...RegionLink] */
export type ShapeRow = [string, number, number, ...RegionLink];
/** [sprite id of its extent or null, anchor x, anchor y, x, y, label width, boundary path or null, ...RegionLink] */
export type MarkerRow = [string | null, number, number, number, number, number, string | null, ...RegionLink];

export interface RegionMapViewProps {
  width: number;
  height: number;
  mode: MapMode;
  title: string;
  /** the static sprite's URL (lib/map/map-sprite.svg) and its ids of both sides' outlines and their boundary */
  sprite: { url: string; SICHUAN: string; CHONGQING: string; sideBorder: string };
  radius: number;
  sideLabels: [string, number, number][];
  shapes: ShapeRow[];
  markers: MarkerRow[];
}

const SIDE_FILL = { SICHUAN: "#f5f3ef", CHONGQING: "#eef2f6" } as const;

export function RegionMapView({
  width,
  height,
  mode,
  title,
  sprite,
  radius,
  sideLabels,
  shapes,
  markers,
}: RegionMapViewProps) {
  const titleId = "region-map-title";
  const use = (id: string) => `${sprite.url}#${id}`;
  const fills = new Map([NO_ITEMS, ...classesOf(mode)].map((c) => [c.key, c.fill]));
  // A region's link: where it goes, its accessible name, what the tests read (its class, figure and count),
  // and its colour, which the shape or marker inside inherits.
  const linkOf = ([href, label, name, , key, value, items]: RegionLink) => ({
    href,
    "aria-label": label,
    "data-region": name,
    "data-class": key,
    "data-value": value ?? "",
    "data-count": items > 0 ? items : undefined,
    fill: fills.get(key),
  });
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      className={styles.map}
      aria-labelledby={titleId}
      role="group"
      data-mode={mode}
    >
      <title id={titleId}>{title}</title>
      {/* every outline of each side as background; the regions' shapes are drawn over it */}
      <g className={styles.context} aria-hidden="true">
        <use href={use(sprite.SICHUAN)} fill={SIDE_FILL.SICHUAN} />
        <use href={use(sprite.CHONGQING)} fill={SIDE_FILL.CHONGQING} />
      </g>
      {shapes.map(([id, x, y, ...link]) => (
        <a key={link[2]} {...linkOf(link)}>
          <use href={use(id)} />
          <text x={x} y={y} aria-hidden="true">
            {link[2]}
            <tspan x={x} dy="1.2em">
              {link[3]}
            </tspan>
          </text>
        </a>
      ))}
      <use href={use(sprite.sideBorder)} className={styles.sideBorder} aria-hidden="true" />
      <g className={styles.sideLabel} aria-hidden="true">
        {sideLabels.map(([name, x, y]) => (
          <text key={name} x={x} y={y}>
            {name}
          </text>
        ))}
      </g>
      {markers.map(([extent, ax, ay, x, y, labelWidth, border, ...link]) => (
        <a key={link[2]} {...linkOf(link)}>
          {extent ? <use href={use(extent)} className={styles.extent} /> : null}
          {ax !== x || ay !== y ? (
            <>
              <line x1={ax} y1={ay} x2={x} y2={y} className={styles.leader} />
              <circle cx={ax} cy={ay} r={2} className={styles.anchor} />
            </>
          ) : null}
          <rect
            x={x - radius - 2}
            y={y - 10}
            width={radius * 2 + 8 + labelWidth}
            height={20}
            rx={4}
            className={styles.markerBack}
          />
          <circle cx={x} cy={y} r={radius} className={styles.marker} />
          {border ? <path d={border} className={styles.straddle} /> : null}
          <text x={x + radius + 4} y={y + 4} aria-hidden="true">
            {link[2]} <tspan>{link[3]}</tspan>
          </text>
        </a>
      ))}
    </svg>
  );
}

/** The legend: every class's swatch with its range in words ([key, fill, words]), then what shapes, dots and lines mean. */
export function RegionMapLegendView({
  heading,
  intro,
  classes,
  keys,
}: {
  heading: string;
  intro: string;
  classes: [string, string, string][];
  keys: string[];
}) {
  return (
    <div className={styles.legend}>
      <p className={styles.legendHeading}>{heading}</p>
      <p>{intro}</p>
      <ul className={styles.classes}>
        {classes.map(([key, fill, words]) => (
          <li key={key} data-class={key}>
            <svg width="18" height="14" aria-hidden="true" className={styles.swatch}>
              <rect x="0.5" y="0.5" width="17" height="13" fill={fill} />
            </svg>
            {words}
          </li>
        ))}
      </ul>
      <ul className={styles.keys}>
        {keys.map((k) => (
          <li key={k}>{k}</li>
        ))}
      </ul>
    </div>
  );
}
