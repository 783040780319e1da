// The dashboard map's URL parameter: ?map=progress (default) or ?map=overdue. A bad value shows the default.
import { z } from "zod";
import { MAP_MODES, type MapMode } from "../map/figures";

const modeSchema = z.enum(MAP_MODES);
export const MAP_PARAM = "map";

export function parseMapMode(params: Record<string, string | string[] | undefined>): MapMode {
  const raw = params[MAP_PARAM];
  const parsed = modeSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  return parsed.success ? parsed.data : "progress";
}
