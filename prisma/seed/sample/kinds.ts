// What kind of work an action item is, guessed from its wording: a named construction project, a platform, a
// reform, a study, a proposal to the central government, or a coordination mechanism. The sample's texts,
// milestones and statuses follow the kind (a proposal is 报送 and 批复, never 开工 or 验收); the topic
// (topics.ts) still decides who leads. Rules are tried in order; the first that fits wins. The rules were fitted
// by reading every title and excerpt of the document seed (prisma/seed/document/items-pillar-*.ts).
export type ItemKind = "construction" | "platform" | "reform" | "study" | "proposal" | "mechanism";

export const ITEM_KINDS: readonly ItemKind[] = ["construction", "platform", "reform", "study", "proposal", "mechanism"];

export interface KindInput {
  code: string;
  title: string;
  /** the source sentence the item was taken from */
  excerpt: string;
}

/** Items whose wording misleads the rules below, with the kind their source sentence means. */
const OVERRIDES: Record<string, ItemKind> = {
  // 前瞻部署一批政府主导类重大平台和重大工程: a portfolio of platforms to lay out, not one project to build.
  "2.1.1": "platform",
  // 发挥西部陆海新通道、中欧班列、长江黄金水道作用: using the corridors (班列, routes), not building them.
  "2.4.3": "reform",
};

// Studies and plans: their result is a report or a plan, nothing is built.
const STUDY = /研究论证|前期研究|规划编制|编制.*规划|统筹规划|确定.*标准/;
// Standing coordination: joint meetings, offices, linkage and review mechanisms between the two sides.
const MECHANISM =
  /联席会议|合作办公室|联合大会|协同立案|联合办理|纳入考核|联动机制|协调机制|推进机制|共建共管机制|承接合作机制|协同合作$/;
// Requests to the central government or to national bodies: the two sides ask, the state decides.
const PROPOSAL_TITLE =
  /^(向国家)?争取|交易所|分中心|备份中心|总部落户|升级为国家级|自由贸易港|非首都功能|中央企业|分支研究机构/;
// A sentence that opens with 争取 asks the state for something, unless it names a project to build.
const PROPOSAL_EXCERPT = /^(积极|大力)?争取/;
// Named transport, energy and infrastructure works.
const CONSTRUCTION = /铁路|高铁|航道|航电枢纽|机场|枢纽建设|通道|水道|特高压|工程$|基础设施布局|完善基础设施/;
// Policy changes: rules, approvals, statistics, sharing, integration, pilots.
const REFORM = /改革|政策|审批|统计|同城化|一体化|权限|机制|先行先试|营商环境|质押|评估|市场培育|障碍|模式|管理方式/;
// Places and bodies to build up and run: parks, new areas, zones, centres, laboratories, clusters.
const PLATFORM = /平台|中心|园区|新区|开发区|示范区|试验区|保税区|基地|实验室|集群|聚集区|开放门户|物流枢纽|口岸/;

export function classifyKind(item: KindInput): ItemKind {
  const override = OVERRIDES[item.code];
  if (override) return override;
  const { title, excerpt } = item;
  if (STUDY.test(title)) return "study";
  if (MECHANISM.test(title)) return "mechanism";
  if (PROPOSAL_TITLE.test(title)) return "proposal";
  if (CONSTRUCTION.test(title)) return "construction";
  if (PROPOSAL_EXCERPT.test(excerpt)) return "proposal";
  if (REFORM.test(title)) return "reform";
  // 区域中心城市 and 副中心 are cities to develop (a reform of roles), not centres to set up.
  if (PLATFORM.test(title.replace(/副中心|中心城市/g, ""))) return "platform";
  return "reform";
}
