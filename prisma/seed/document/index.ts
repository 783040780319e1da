// The document seed: everything taken from the source text (prisma/seed/document/source.txt).
import { conferences } from "./conferences";
import { goals } from "./goals";
import { pillarItems } from "./items";
import { pillars } from "./pillars";
import { regions } from "./regions";
import { units } from "./units";

export { conferences, goals, pillarItems, pillars, regions, units };

const recommendations = pillarItems.flatMap((p) => p.recommendations);

export const documentCounts = {
  pillars: pillars.length,
  recommendations: recommendations.length,
  actions: recommendations.reduce((sum, r) => sum + r.actions.length, 0),
  goals: goals.length,
  conferences: conferences.length,
  regions: regions.length,
  units: units.length,
} as const;
