// Framing goals (总体目标) from the paper's two opening paragraphs, in text order. Context, not tracked work.
// A database seeded before goal 4 was added gets it, and goal 5's excerpt, from ./revisions.ts.
import type { GoalSeed } from "../types";

export const goals: GoalSeed[] = [
  {
    number: 1,
    title: "推动成渝地区双城经济圈建设",
    titleEn: "Advance the Chengdu–Chongqing Twin-City Economic Circle (20th Party Congress report)",
    sourceExcerpt:
      "习近平总书记在党的二十大报告中强调要“推动成渝地区双城经济圈建设”，首次将建设成渝地区双城经济圈写入党的纲领性文献，为两省市乃至中国西部经济高质量发展提供了新机遇。",
  },
  {
    number: 2,
    title: "兼顾“强长板”和“补短板”，实现“一张蓝图绘到底”",
    titleEn: "Build on strengths and fix weaknesses; carry one blueprint through to the end",
    sourceExcerpt:
      "在推动成渝地区双城经济圈建设过程中，必须突出问题导向和目标导向，兼顾“强长板”和“补短板”，在抓落实中实现“一张蓝图绘到底”。",
  },
  {
    number: 3,
    title: "建设成为带动全国高质量发展的重要增长极和新的动力源",
    titleEn: "Make the region an important growth pole and new engine of national high-quality development",
    sourceExcerpt:
      "要从优化空间格局、打造制造业战略大后方和内陆开放高地、加快重点领域和关键环节改革等方面持续发力，久久为功，加快把成渝地区建设成为带动全国高质量发展的重要增长极和新的动力源。",
  },
  {
    number: 4,
    title: "国之战略要地：有力推动《成渝地区双城经济圈建设规划纲要》纵深实施",
    titleEn:
      "A strategic place of national importance: carry the Outline Plan for the Chengdu–Chongqing Twin-City Economic Circle deep into practice",
    sourceExcerpt:
      "成渝地区双城经济圈是国之战略要地，有力推动《成渝地区双城经济圈建设规划纲要》纵深实施，是为我国从容应对世界百年未有之大变局、如期实现社会主义强国目标赢得战略主动。",
  },
  {
    number: 5,
    title: "推动明确为国家区域重大战略，加大支持力度",
    titleEn: "Have the twin-city economic circle designated a major national regional strategy, with stronger support",
    // The sentence goes on into goal 6 (加快打造…“第四极”): the excerpt ends where this goal does, without the comma.
    sourceExcerpt:
      "应积极推动将成渝地区双城经济圈建设明确为国家区域重大战略，在此统领下，进一步加大对双城经济圈建设的支持力度",
  },
  {
    number: 6,
    title: "加快打造中国经济增长“第四极”",
    titleEn: "Build China's “fourth pole” of economic growth",
    sourceExcerpt: "加快打造中国经济增长“第四极”。",
  },
];
