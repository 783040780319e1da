// The five pillars of the paper, in the order of its headings. Requirement (规划要求) and summary (工作建议)
// are verbatim from the source with whitespace removed; the requirement is given without its quotation marks.
import type { PillarSeed } from "../types";

export const pillars: PillarSeed[] = [
  {
    number: 1,
    title: "优化空间格局",
    titleEn: "Optimise the Spatial Layout: Complementary Strengths and Shared Growth Across the Region",
    theme: "让优势互补、全域共兴",
    requirement:
      "突出双城引领，强化双圈互动，促进两翼协同，统筹大中小城市和小城镇发展，促进形成疏密有致、集约高效的空间格局。",
    summary:
      "川渝两地要以“双城驱动、两翼突破、极点支撑”的思路优化空间结构，推动形成优势互补、全域共兴的发展格局，不断提升区域功能和发展能级。",
  },
  {
    number: 2,
    title: "建体系育集群",
    titleEn: "Build Industrial Systems and Clusters: More Resilient and Secure Industrial and Supply Chains",
    theme: "让产业链供应链有韧性更安全",
    requirement: "要优化重大生产力布局，整合提升优势产业，加快补齐关键短板，增强全产业链优势。",
    summary: "川渝两地可以从五个方面打造制造业产业链供应链战略备份基地。",
  },
  {
    number: 3,
    title: "建强开放高地",
    titleEn: "Build a Strong Inland Opening-Up Highland: Turn “Positioning” into “Standing”",
    theme: "把“定位”变成“地位”",
    requirement: "以共建‘一带一路’为引领，打造陆海互济、四向拓展、综合立体的国际大通道，加快建设内陆开放枢纽。",
    summary: "川渝两地要充分发挥长江经济带与“一带一路”联接点优势，大力推进开放经济体制创新，积极打造内陆开放高地。",
  },
  {
    number: 4,
    title: "创机遇开新局",
    titleEn: "Create Opportunities, Open New Ground: Reform to Unleash Vitality and Resilience",
    theme: "以改革激发活力韧性",
    requirement: "聚焦要素市场化配置等关键领域，深化综合配套改革试验，全面提升市场活力。",
    summary:
      "川渝两地要以解决问题为出发点和落脚点谋划改革，聚焦重要领域和关键环节实施改革，探索更多可复制的创新性改革措施。",
  },
  {
    number: 5,
    title: "完善执行机制",
    titleEn: "Improve Implementation Mechanisms: Find Opportunities in the Policy Toolbox",
    theme: "善于在政策工具箱里找机遇",
    requirement:
      "中央有关部门要按照职责分工，加强对规划纲要实施的指导，在规划编制、体制创新、政策制定、项目安排等方面给予支持。",
    summary:
      "川渝两地要继续完善执行机制，提高把握政策的能力，用好用足各项政策红利，把成渝地区双城经济圈建设向纵深推进。",
  },
];
