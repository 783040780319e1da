// Shapes of the seed data. The document seed (prisma/seed/document) holds only what the source text says;
// everything else (owners, statuses, dates, accounts) lives in the sample dataset (prisma/seed/sample).
import type { RegionKind, Side, UnitKind } from "../../lib/generated/prisma/enums";

export interface PillarSeed {
  number: number;
  /** heading before the colon, e.g. 优化空间格局 */
  title: string;
  titleEn: string;
  /** heading after the colon, e.g. 让优势互补、全域共兴 */
  theme: string;
  /** 规划要求, verbatim (without the surrounding quotation marks) */
  requirement: string;
  /** 工作建议, verbatim */
  summary: string;
}

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
