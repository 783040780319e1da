// Shapes of the seed data. The document seed (prisma/seed/document) holds only what the source text says;
// everything else (owners, statuses, dates, accounts) lives in the sample dataset (prisma/seed/sample).
import type { Pillar } from "../../lib/generated/prisma/client";
import type { RegionKind, Side, UnitKind } from "../../lib/generated/prisma/enums";

/** A pillar as the source states it: heading before the colon (title), after it (theme), 规划要求 and 工作建议 verbatim. */
export type PillarSeed = Omit<Pillar, "id">;

export interface GoalSeed {
  number: number;
  title: string;
  titleEn: string;
  /** verbatim text of the opening paragraphs */
  sourceExcerpt: string;
}

export interface ActionSeed {
  /** 1-based position under its recommendation; the code becomes `${pillar}.${rec}.${n}` */
  title: string;
  titleEn: string;
  /** verbatim, whitespace removed (the print layout broke lines mid-word) */
  sourceExcerpt: string;
  /** names of RegionSeed entries the excerpt names */
  regions?: string[];
}

export interface RecommendationSeed {
  /** the bold lead sentence, verbatim without the final 。 */
  title: string;
  titleEn: string;
  /** the whole recommendation paragraph, verbatim, whitespace removed */
  sourceExcerpt: string;
  regions?: string[];
  actions: ActionSeed[];
}

export interface PillarItemsSeed {
  pillar: number;
  recommendations: RecommendationSeed[];
}

export interface ConferenceSeed {
  number: number;
  /** ISO date, YYYY-MM-DD */
  date: string;
  theme: string;
  summary: string;
}

export interface RegionSeed {
  name: string;
  side: Side;
  kind: RegionKind;
}

export interface UnitSeed {
  name: string;
  shortName?: string;
  side: Side;
  kind: UnitKind;
}
