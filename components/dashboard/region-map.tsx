// The dashboard's map of both sides, drawn on the server as SVG (lib/map/layout.ts): no client JavaScript. Each
// region is a link (an <a> inside the SVG with an accessible name) to the items list filtered to that region.
// A region with items promises their number in its name, so its link carries data-count (e2e/count-links).
// The colour is one cue among three: the legend names each class's range, and the figure is printed on the map.
import type { MapLayout } from "@/lib/map/layout";
import { classOf, classesOf, figureOf, NO_ITEMS, type MapMode, type MapRegionFigures } from "@/lib/map/figures";
import { MARKER_RADIUS, SPRITE_IDS } from "@/lib/map/layout";
import sprite from "@/lib/map/map-sprite.svg";
import styles from "./region-map.module.css";

export interface RegionMapText {
  title: string;
  /** the text drawn on the map for a region: its figure in the current mode */
  figure: (r: MapRegionFigures) => string;
  /** the link's accessible name: the region, its side and all its figures */
  name: (r: MapRegionFigures) => string;
  sideName: Record<"SICHUAN" | "CHONGQING", string>;
}

const SIDE_FILL = { SICHUAN: "#f5f3ef", CHONGQING: "#eef2f6" } as const;

/** The sprite's URL: Next.js gives a static import its immutable /_next/static/media address (vitest: a path). */
const SPRITE_URL = typeof sprite === "string" ? sprite : sprite.src;
const fromSprite = (id: string) => `${SPRITE_URL}#${id}`;

/**
 * The SVG alone (pure; tests render it): `href` gives each region's link.
 *
 * The geometry is not in the page: every outline, extent and boundary is a <use> of the static sprite
 * (lib/map/map-sprite.svg, see SPRITE_IDS), which the browser fetches once and keeps. The page's markup is in
 * its HTML and again in its RSC payload, so it carries only what depends on the figures: the links, their
 * names, colours and labels. The sprite's paths carry no paint: each <use> inherits its link's colour (a
 * shape) or its group's, and the styles are in region-map.module.css, keyed on structure, not repeated inline.
 */
export function RegionMapSvg({
  layout,
  mode,
  text,
  href,
}: {
  layout: MapLayout<MapRegionFigures>;
  mode: MapMode;
  text: RegionMapText;
  href: (r: MapRegionFigures) => string;
}) {
  const titleId = "region-map-title";
  // A region's link: where it goes, its accessible name, what the tests read (its class, figure and count),
  // and its colour, which the shape or marker inside inherits.
  const linkOf = (region: MapRegionFigures) => {
    const colour = classOf(mode, region);
    return {
      href: href(region),
      "aria-label": text.name(region),
      "data-region": region.name,
      "data-class": colour.key,
      "data-value": figureOf(mode, region) ?? "",
      "data-count": region.items > 0 ? region.items : undefined,
      fill: colour.fill,
    };
  };
  return (
    <svg
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      className={styles.map}
      aria-labelledby={titleId}
      role="group"
      data-mode={mode}
    >
      <title id={titleId}>{text.title}</title>
      {/* every outline of each side as background; the regions' shapes are drawn over it */}
      <g className={styles.context} aria-hidden="true">
        <use href={fromSprite(SPRITE_IDS.SICHUAN)} fill={SIDE_FILL.SICHUAN} />
        <use href={fromSprite(SPRITE_IDS.CHONGQING)} fill={SIDE_FILL.CHONGQING} />
      </g>
      {layout.shapes.map((s) => (
        <a key={s.region.id} {...linkOf(s.region)}>
          <use href={fromSprite(s.id)} />
          <text x={s.at[0]} y={s.at[1]} aria-hidden="true">
            {s.region.name}
            <tspan x={s.at[0]} dy="1.2em">
              {text.figure(s.region)}
            </tspan>
          </text>
        </a>
      ))}
      <use href={fromSprite(SPRITE_IDS.sideBorder)} className={styles.sideBorder} aria-hidden="true" />
      <g className={styles.sideLabel} aria-hidden="true">
        {layout.sideLabels.map((s) => (
          <text key={s.side} x={s.at[0]} y={s.at[1]}>
            {text.sideName[s.side]}
          </text>
        ))}
      </g>
      {layout.markers.map((m) => {
        const moved = m.at[0] !== m.anchor[0] || m.at[1] !== m.anchor[1];
        return (
          <a key={m.region.id} {...linkOf(m.region)}>
            {m.extent ? <use href={fromSprite(m.extent)} className={styles.extent} /> : null}
            {moved ? (
              <>
                <line x1={m.anchor[0]} y1={m.anchor[1]} x2={m.at[0]} y2={m.at[1]} className={styles.leader} />
                <circle cx={m.anchor[0]} cy={m.anchor[1]} r={2} className={styles.anchor} />
              </>
            ) : null}
            <rect
              x={m.at[0] - MARKER_RADIUS - 2}
              y={m.at[1] - 10}
              width={MARKER_RADIUS * 2 + 8 + m.labelWidth}
              height={20}
              rx={4}
              className={styles.markerBack}
            />
            <circle cx={m.at[0]} cy={m.at[1]} r={MARKER_RADIUS} className={styles.marker} />
            {m.border ? <path d={m.border} className={styles.straddle} /> : null}
            <text x={m.at[0] + MARKER_RADIUS + 4} y={m.at[1] + 4} aria-hidden="true">
              {m.region.name} <tspan>{text.figure(m.region)}</tspan>
            </text>
          </a>
        );
      })}
    </svg>
  );
}

/** The legend: every class's swatch with its range in words, then what shapes, dots and lines mean. */
export function RegionMapLegend({
  mode,
  heading,
  intro,
  classLabel,
  keys,
}: {
  mode: MapMode;
  heading: string;
  intro: string;
  classLabel: (key: string) => string;
  keys: string[];
}) {
  return (
    <div className={styles.legend}>
      <p className={styles.legendHeading}>{heading}</p>
      <p>{intro}</p>
      <ul className={styles.classes}>
        {[NO_ITEMS, ...classesOf(mode)].map((c) => (
          <li key={c.key} data-class={c.key}>
            <svg width="18" height="14" aria-hidden="true" className={styles.swatch}>
              <rect x="0.5" y="0.5" width="17" height="13" fill={c.fill} />
            </svg>
            {classLabel(c.key)}
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
