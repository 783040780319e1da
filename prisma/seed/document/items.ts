// All recommendations and action items, pillar by pillar. Codes are derived from positions
// (`${pillar}.${recommendation}.${action}`), so the order of the arrays matters.
import type { PillarItemsSeed } from "../types";
import { pillar1Items } from "./items-pillar-1";
import { pillar2Items } from "./items-pillar-2";
import { pillar3Items } from "./items-pillar-3";
import { pillar4Items } from "./items-pillar-4";
import { pillar5Items } from "./items-pillar-5";

export const pillarItems: PillarItemsSeed[] = [pillar1Items, pillar2Items, pillar3Items, pillar4Items, pillar5Items];
