// SVG path data in as few bytes as the map needs: points rounded to whole units of the SVG's coordinate space
// (the map is 800 units wide and drawn at most 800 CSS px wide, so a unit is at most a pixel), every point but
// the path's first written relative to the one before, repeated points dropped, the command letter written once
// per run ("l3-2 4 5"). A d3-geo path context: geoPath(projection, new CompactPath()).
import type { GeoContext } from "d3-geo";

const num = (v: number) => (v < 0 ? String(v) : ` ${v}`);

export class CompactPath implements GeoContext {
  private out = "";
  /** where the path written so far ends (a relative move of the next subpath starts there) */
  private endX = 0;
  private endY = 0;
  // the current subpath: its start, current point, text after its move, distinct points, closed or not
  private startX = 0;
  private startY = 0;
  private x = 0;
  private y = 0;
  private body = "";
  /** the body before its last point: a closed ring's last point back at its start is left to "z" */
  private bodyBeforeLast = "";
  private points = 0;
  private closed = false;

  moveTo(x: number, y: number): void {
    this.flush();
    this.x = this.startX = Math.round(x);
    this.y = this.startY = Math.round(y);
    this.points = 1;
  }

  lineTo(x: number, y: number): void {
    const X = Math.round(x);
    const Y = Math.round(y);
    const dx = X - this.x;
    const dy = Y - this.y;
    if (dx === 0 && dy === 0) return;
    this.bodyBeforeLast = this.body;
    this.body += this.body === "" ? `l${dx}${num(dy)}` : `${num(dx)}${num(dy)}`;
    this.x = X;
    this.y = Y;
    this.points++;
  }

  closePath(): void {
    this.closed = true;
  }

  // the rest of d3-geo's GeoContext: beginPath is a canvas call, arc() draws point geometries (the map has none)
  beginPath(): void {}
  arc(): void {}

  /** The path data. A ring that rounding shrank below a triangle is left out. */
  result(): string {
    this.flush();
    const d = this.out;
    this.out = "";
    return d;
  }

  private flush(): void {
    if (this.closed && this.points > 1 && this.x === this.startX && this.y === this.startY) {
      this.body = this.bodyBeforeLast;
      this.points--;
    }
    if (this.points > 0 && (this.closed ? this.points >= 3 : this.points >= 2)) {
      this.out +=
        this.out === ""
          ? `M${this.startX}${num(this.startY)}`
          : `m${this.startX - this.endX}${num(this.startY - this.endY)}`;
      this.out += this.body + (this.closed ? "z" : "");
      // "z" returns the current point to the subpath's start
      this.endX = this.closed ? this.startX : this.x;
      this.endY = this.closed ? this.startY : this.y;
    }
    this.body = this.bodyBeforeLast = "";
    this.points = 0;
    this.closed = false;
  }
}

/** The absolute points of each subpath of path data CompactPath wrote (for tests and checks). */
export function compactPathPoints(d: string): [number, number][][] {
  const subpaths: [number, number][][] = [];
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([MmlzZ])([^MmlzZ]*)/g)) {
    const n = (args ?? "").match(/-?\d+(?:\.\d+)?/g)?.map(Number) ?? [];
    if (command === "z" || command === "Z") {
      const first = subpaths.at(-1)?.[0];
      if (first) [x, y] = first;
      continue;
    }
    for (let i = 0; i + 1 < n.length; i += 2) {
      if (command === "M" && i === 0) [x, y] = [n[0]!, n[1]!];
      else [x, y] = [x + n[i]!, y + n[i + 1]!];
      if (i === 0 && command !== "l") subpaths.push([]);
      subpaths.at(-1)!.push([x, y]);
    }
  }
  return subpaths;
}
