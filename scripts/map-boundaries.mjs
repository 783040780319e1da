// Builds lib/map/boundaries.json (the dashboard map's outlines) from the province files of the npm package
// echarts@4.9.0 (Apache-2.0; see lib/map/SOURCE.md). Run by hand, not at build time:
//
//   npm pack echarts@4.9.0 && tar xzf echarts-4.9.0.tgz      (in a scratch folder, e.g. /tmp/echarts4)
//   node scripts/map-boundaries.mjs /tmp/echarts4/package > lib/map/boundaries.json
//
// The files store rings in ECharts' compressed form (zigzag deltas in 1/1024 degree); this decodes them,
// keeps the prefectures of Sichuan inside or next to the economic circle and every district of Chongqing,
// simplifies each ring (Douglas–Peucker, 0.012° ≈ 1.2 km), rounds to 3 decimals and makes every ring wind
// the way d3-geo expects (exterior clockwise on the sphere), checked with geoArea.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { geoArea } from "d3-geo";

const root = process.argv[2];
if (!root) {
  console.error("usage: node scripts/map-boundaries.mjs <unpacked echarts@4.9.0 package folder>");
  process.exit(2);
}

/** Western Sichuan lies outside the circle and would shrink the rest of the map to a corner. */
const SICHUAN_LEFT_OUT = new Set(["甘孜藏族自治州", "阿坝藏族羌族自治州", "凉山彝族自治州", "攀枝花市"]);
const TOLERANCE = 0.012;

function decodeRing(encoded, [x0, y0]) {
  const ring = [];
  let x = x0;
  let y = y0;
  for (let i = 0; i < encoded.length; i += 2) {
    let dx = encoded.charCodeAt(i) - 64;
    let dy = encoded.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1);
    dy = (dy >> 1) ^ -(dy & 1);
    x += dx;
    y += dy;
    ring.push([x / 1024, y / 1024]);
  }
  return ring;
}

function perpendicular([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  if (length === 0) return Math.hypot(px - ax, py - ay);
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function douglasPeucker(points, tolerance) {
  if (points.length < 3) return points;
  let worst = 0;
  let index = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const d = perpendicular(points[i], points[0], points[points.length - 1]);
    if (d > worst) {
      worst = d;
      index = i;
    }
  }
  if (worst <= tolerance) return [points[0], points[points.length - 1]];
  const left = douglasPeucker(points.slice(0, index + 1), tolerance);
  return [...left.slice(0, -1), ...douglasPeucker(points.slice(index), tolerance)];
}

const round = (v) => Math.round(v * 1000) / 1000;

/** A closed ring, simplified (split in two halves so the closing point is never the only anchor). */
function simplifyRing(ring) {
  const open = ring[0][0] === ring.at(-1)[0] && ring[0][1] === ring.at(-1)[1] ? ring.slice(0, -1) : ring;
  const half = Math.floor(open.length / 2);
  const a = douglasPeucker(open.slice(0, half + 1), TOLERANCE);
  const b = douglasPeucker([...open.slice(half), open[0]], TOLERANCE);
  const out = [...a.slice(0, -1), ...b].map(([x, y]) => [round(x), round(y)]);
  const deduped = out.filter((p, i) => i === 0 || p[0] !== out[i - 1][0] || p[1] !== out[i - 1][1]);
  return deduped.length >= 4 ? deduped : null;
}

/** Polygons (arrays of rings) of one feature, decoded and simplified; tiny islands that collapse are dropped. */
function polygonsOf(geometry) {
  const polygons =
    geometry.type === "Polygon"
      ? [geometry.coordinates.map((r, i) => decodeRing(r, geometry.encodeOffsets[i]))]
      : geometry.coordinates.map((p, j) => p.map((r, i) => decodeRing(r, geometry.encodeOffsets[j][i])));
  return polygons
    .map((rings) => rings.map(simplifyRing).filter((r) => r !== null))
    .filter((rings) => rings.length > 0)
    .map((rings) =>
      rings.map((ring) => {
        // d3-geo: a ring enclosing more than a hemisphere is wound the wrong way round.
        const area = geoArea({ type: "Polygon", coordinates: [ring] });
        return area > 2 * Math.PI ? [...ring].reverse() : ring;
      }),
    );
}

function features(file, side, keep) {
  const json = JSON.parse(readFileSync(join(root, "map/json/province", file), "utf8"));
  return json.features
    .filter((f) => keep(f.properties.name))
    .map((f) => {
      const polygons = polygonsOf(f.geometry);
      return {
        name: f.properties.name,
        side,
        geometry:
          polygons.length === 1
            ? { type: "Polygon", coordinates: polygons[0] }
            : { type: "MultiPolygon", coordinates: polygons },
      };
    });
}

function distanceToSegment([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const ringsOf = (g) => (g.type === "Polygon" ? g.coordinates : g.coordinates.flat());

/**
 * The Sichuan–Chongqing boundary as lines: the runs of Chongqing's vertices that lie along a Sichuan outline
 * (within 0.03°, about 3 km: the two files were drawn and simplified separately, so they do not share vertices).
 */
function sideBorder(features) {
  const edges = features
    .filter((f) => f.side === "SICHUAN")
    .flatMap((f) => ringsOf(f.geometry).flatMap((ring) => ring.slice(1).map((p, i) => [ring[i], p])));
  const lines = [];
  for (const f of features.filter((x) => x.side === "CHONGQING")) {
    for (const ring of ringsOf(f.geometry)) {
      let run = [];
      for (const p of ring) {
        if (edges.some(([a, b]) => distanceToSegment(p, a, b) < 0.03)) run.push(p);
        else {
          if (run.length >= 2) lines.push(run);
          run = [];
        }
      }
      if (run.length >= 2) lines.push(run);
    }
  }
  return { type: "MultiLineString", coordinates: lines };
}

const all = [
  ...features("sichuan.json", "SICHUAN", (name) => !SICHUAN_LEFT_OUT.has(name)),
  ...features("chongqing.json", "CHONGQING", () => true),
];
const source =
  "echarts@4.9.0 map/json/province/{sichuan,chongqing}.json (Apache-2.0), simplified: see lib/map/SOURCE.md";
// One feature per line: small diffs when the data is rebuilt, still valid JSON.
process.stdout.write(
  `{"source":${JSON.stringify(source)},\n"sideBorder":${JSON.stringify(sideBorder(all))},\n"features":[\n${all
    .map((f) => JSON.stringify(f))
    .join(",\n")}\n]}\n`,
);
