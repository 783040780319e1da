"use client";

// The map's markup, drawn from compact rows (region-map.tsx builds them on the server from the layout). A server
// component's markup crosses the wire twice, as HTML and again as a tree of elements in the RSC payload (about
// 21 KB of the dashboard for the map's links); a client leaf's markup is sent once, as HTML, and its props as
// data. Rendered on the server as well (SSR): the map is in the first HTML, every region a link, no JavaScript
// needed to see or use it. Imports nothing that draws (d3-geo, the outlines): the sprite holds the geometry.
import { classesOf, NO_ITEMS, type MapMode } from "@/lib/map/figures";
import type { Side } from "@/lib/generated/prisma/enums";
import { fill, itemsHref, percent } from "./format";
import styles from "./region-map.module.css";

/**
 * What a region's link shows and says: [region id (its link opens the items list filtered to it), region name, figure text, class key, value (the figure it is
 * coloured by), items, side, progress (one decimal) or null, completed, overdue]
 */
export type RegionLink = [number, string, string, string, number | null, number, Side, number | null, number, number];

/**
 * A region link's accessible name, filled in per region here (a name per region would cross the wire twice,
 * in the HTML and in the props): `items` (a region with items) or `none`, then `spans` for a region astride
 * both sides, then `end`. Their placeholders: {label} (the region and its figure, as the map shows them),
 * {side}, {items}, {progress}, {completed}, {overdue}.
 */
export interface RegionNameText {
  items: string;
  none: string;
  spans: string;
  end: string;
  /** a progress the region has no figure for */
  noValue: string;
  side: Record<Side, string>;
}

/** The accessible name of a region's link: it starts with the text the map shows (WCAG 2.5.3, label in name). */
export function regionName(
  names: RegionNameText,
  [, name, figure, , , items, side, progress, completed, overdue]: RegionLink,
): string {
  const values = {
    label: `${name} ${figure}`,
    side: names.side[side],
    items,
    progress: percent(progress, names.noValue),
    completed,
    overdue,
  };
  return `${fill(items === 0 ? names.none : names.items, values)}${side === "JOINT" ? names.spans : ""}${names.end}`;
}
/** [sprite id of its outline, label x, label y, ...RegionLink] */
export type ShapeRow = [string, number, number, ...RegionLink];
/** [sprite id of its extent or null, anchor x, anchor y, x, y, label width, boundary path or null, ...RegionLink] */
export type MarkerRow = [string | null, number, number, number, number, number, string | null, ...RegionLink];

export interface RegionMapViewProps {
  width: number;
  height: number;
  mode: MapMode;
  title: string;
  /** the day the dashboard shows (null: live); the regions' links keep it */
  asOf: string | null;
  names: RegionNameText;
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
  asOf,
  names,
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
  const linkOf = (link: RegionLink) => {
    const [id, name, , key, value, items] = link;
    return {
      href: itemsHref({ level: "ACTION", region: id }, { asOf }),
      "aria-label": regionName(names, link),
      "data-region": name,
      "data-class": key,
      "data-value": value ?? "",
      "data-count": items > 0 ? items : undefined,
      fill: fills.get(key),
    };
  };
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
        <a key={link[1]} {...linkOf(link)}>
          <use href={use(id)} />
          <text x={x} y={y} aria-hidden="true">
            {link[1]}
            <tspan x={x} dy="1.2em">
              {link[2]}
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
        <a key={link[1]} {...linkOf(link)}>
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
            {link[1]} <tspan>{link[2]}</tspan>
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
        {classes.map(([key, colour, words]) => (
          <li key={key} data-class={key}>
            <svg width="18" height="14" aria-hidden="true" className={styles.swatch}>
              <rect x="0.5" y="0.5" width="17" height="13" fill={colour} />
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
