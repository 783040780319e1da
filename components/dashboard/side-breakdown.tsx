import { getTranslations } from "next-intl/server";
import { getSideAndRegionBreakdown, type Breakdown } from "@/lib/data/dashboard";
import { getMapRegions } from "@/lib/data/region-map";
import type { AsOfSelection } from "@/lib/as-of-selection";
import { MAP_MODES, withFigures, type MapMode } from "@/lib/map/figures";
import { layoutMap } from "@/lib/map/layout";
import { MAP_PARAM } from "@/lib/validations/map";
import styles from "./dashboard.module.css";
import { itemsHref, percent } from "./format";
import { BreakdownTable, type BreakdownRow } from "./breakdown-table";
import { RegionMapLegend, RegionMapSvg, type RegionMapText } from "./region-map";
import mapStyles from "./region-map.module.css";
import { Widget } from "./widget";

type Params = Record<string, string | string[] | undefined>;

/** The dashboard URL with the map coloured by `mode`, every other parameter kept. */
function mapModeHref(params: Params, mode: MapMode): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (k === MAP_PARAM || v === undefined) continue;
    for (const value of Array.isArray(v) ? v : [v]) next.append(k, value);
  }
  if (mode !== "progress") next.set(MAP_PARAM, mode);
  const query = next.toString();
  return `/${query ? `?${query}` : ""}#sides-heading`;
}

/** A breakdown's rows as the client table takes them: the progress as the table shows it (one decimal). */
function compactRows(rows: (Breakdown & { label: string; href: string | null })[]): BreakdownRow[] {
  return rows.map((r) => [
    r.label,
    r.href,
    r.items,
    r.progress === null ? null : Number(r.progress.toFixed(1)),
    r.completed,
    r.overdue,
  ]);
}

/**
 * The two sides and the regions: a map of both sides (server-drawn SVG, coloured by progress or overdue items
 * as ?map= says) over the tables it is drawn from. The map and the regions table read the one query.
 */
export async function SideBreakdownPanel({
  selection,
  params,
  mode,
}: {
  selection: AsOfSelection;
  params: Params;
  mode: MapMode;
}) {
  const [{ sides, regions }, allRegions, t, tSide, tMap] = await Promise.all([
    getSideAndRegionBreakdown(selection),
    getMapRegions(),
    getTranslations("dashboard"),
    getTranslations("side"),
    getTranslations("regionMap"),
  ]);
  const sideRows = sides.map((s) => ({
    ...s,
    label: s.key === null ? t("sides.unassigned") : tSide(s.key as "SICHUAN"),
    href: s.key === null ? null : itemsHref({ level: "ACTION", side: s.key }, selection),
  }));
  const regionHref = (id: number) => itemsHref({ level: "ACTION", region: id }, selection);
  const regionRows = regions.map((r) => ({
    ...r,
    label: r.key ?? "",
    href: regionHref(r.id),
  }));
  const none = t("noValue");
  const figureHeads = [t("sides.items"), t("sides.progress"), t("sides.completed"), t("sides.overdue")] as const;
  const text: RegionMapText = {
    title: tMap("title"),
    figure: (r) =>
      r.items === 0
        ? tMap("noFigure")
        : mode === "progress"
          ? percent(r.progress, none)
          : tMap("figureOverdue", { count: r.overdue }),
    // the placeholders are filled in per region by the map (region-map-view.tsx regionName)
    name: {
      items: tMap("regionLabel", {
        label: "{label}",
        side: "{side}",
        items: "{items}",
        progress: "{progress}",
        completed: "{completed}",
        overdue: "{overdue}",
      }),
      none: tMap("regionLabelNone", { label: "{label}", side: "{side}" }),
      spans: tMap("spans"),
      end: tMap("opensList"),
      noValue: none,
      side: {
        SICHUAN: tSide("SICHUAN"),
        CHONGQING: tSide("CHONGQING"),
        JOINT: tSide("JOINT"),
        NATIONAL: tSide("NATIONAL"),
      },
    },
    sideName: { SICHUAN: tMap("sideName.SICHUAN"), CHONGQING: tMap("sideName.CHONGQING") },
  };
  const figures = withFigures(allRegions, regions);
  const layout = layoutMap(figures, (r) => `${r.name} ${text.figure(r)}`);
  return (
    <Widget id="sides" title={t("sides.heading")} wide>
      <nav className={mapStyles.toggle} aria-label={tMap("colourBy")}>
        <span>{tMap("colourBy")}:</span>
        {MAP_MODES.map((m) => (
          <a key={m} href={mapModeHref(params, m)} aria-current={m === mode ? "true" : undefined}>
            {tMap(`mode.${m}`)}
          </a>
        ))}
      </nav>
      <div className={mapStyles.mapGrid}>
        <figure style={{ margin: 0 }} data-testid="region-map">
          <RegionMapSvg layout={layout} mode={mode} text={text} asOf={selection.asOf} />
          <figcaption className={mapStyles.caption}>{tMap("caption")}</figcaption>
        </figure>
        <div>
          <RegionMapLegend
            mode={mode}
            heading={tMap("legend")}
            intro={tMap(mode === "progress" ? "legendProgress" : "legendOverdue")}
            classLabel={(key) => tMap(`classes.${key}`)}
            keys={[tMap("shapeKey"), tMap("markerKey"), tMap("borderKey")]}
          />
          {layout.unplaced.length > 0 ? (
            <p>{tMap("unplaced", { names: layout.unplaced.map((r) => r.name).join("、") })}</p>
          ) : null}
          <p className={mapStyles.caption}>{tMap("tableNote")}</p>
        </div>
      </div>
      <div className={styles.two}>
        <BreakdownTable
          caption={t("sides.bySide")}
          head={[t("sides.side"), ...figureHeads]}
          rows={compactRows(sideRows)}
          none={none}
        />
        {regionRows.length === 0 ? (
          <p>{t("sides.empty")}</p>
        ) : (
          <BreakdownTable
            caption={t("sides.byRegion")}
            head={[t("sides.region"), ...figureHeads]}
            rows={compactRows(regionRows)}
            none={none}
          />
        )}
      </div>
    </Widget>
  );
}
