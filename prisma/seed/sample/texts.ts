// Chinese templates for the sample dataset (示例数据): people, progress notes, blockers, milestones, reasons.
// Plausible but fictional; every person's name carries （示例）.
import type { UnitKind } from "../../../lib/generated/prisma/enums";
import type { Rng } from "./random";
import type { Topic } from "./units";

/** Name pools, also drawn on by the benchmark's generator (bench/generator/people.ts). */
export const SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "赵",
  "黄",
  "周",
  "吴",
  "徐",
  "孙",
  "胡",
  "朱",
  "高",
  "林",
  "何",
  "郭",
  "马",
  "罗",
  "谢",
  "唐",
  "邓",
  "冯",
];
export const GIVEN = [
  "建国",
  "志强",
  "丽华",
  "海燕",
  "明",
  "晓东",
  "秀英",
  "俊杰",
  "文静",
  "红梅",
  "国庆",
  "伟",
  "静",
  "磊",
  "敏",
  "洋",
  "勇",
  "艳",
  "涛",
  "鹏",
  "颖",
  "建华",
  "德明",
  "光辉",
  "春燕",
  "晓峰",
  "成",
  "蓉",
  "渝生",
  "川",
];

const POSITIONS: Partial<Record<UnitKind, string[]>> = {
  DEPARTMENT: ["处长", "处长", "副处长", "二级巡视员", "副主任"],
  GOVERNMENT: ["副秘书长", "处长"],
  PLATFORM: ["副主任", "经济发展局局长"],
  COORDINATION: ["综合协调组组长", "副主任"],
};

/** A responsible person, e.g. 王建国（示例） 处长. Local governments get a title that fits a city or a district. */
export function responsiblePerson(rng: Rng, unitName: string, kind: UnitKind): string {
  const name = `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;
  let positions = POSITIONS[kind] ?? ["处长"];
  if (kind === "LOCAL_GOVERNMENT") {
    if (unitName.endsWith("县人民政府")) positions = ["副县长", "发展改革局局长"];
    else if (unitName.endsWith("区人民政府")) positions = ["副区长", "发展改革委主任"];
    else positions = ["副市长", "发展改革委主任", "副秘书长"];
  }
  return `${name}（示例） ${rng.pick(positions)}`;
}

const TOPIC_NOTES: Record<Topic, string[]> = {
  transport: [
    "项目本月完成投资{x}亿元，累计完成年度投资计划的{p}%。",
    "控制性工程施工有序推进，沿线征地拆迁工作基本完成。",
    "可行性研究报告已通过专家评审，正在按评审意见修改完善。",
    "川渝两地交通部门联合召开调度会，协调解决跨界段建设衔接问题。",
  ],
  finance: [
    "已与国家金融监管部门开展汇报对接，争取政策支持。",
    "跨区域金融服务合作机制运行平稳，本季度新增授信{x}亿元。",
    "联合起草的实施方案已征求两地金融机构意见。",
  ],
  ecology: [
    "联合开展跨界河流水质监测{n}次，交界断面水质总体保持Ⅲ类以上。",
    "流域横向生态补偿协议续签工作正在推进，补偿资金已拨付到位。",
    "两地生态环境部门开展联合执法检查，发现问题{n}个，已整改{k}个。",
  ],
  energy: [
    "项目前期工作有序推进，已列入国家相关规划重点项目清单。",
    "与国家能源主管部门对接{n}次，配套电网工程同步开展前期工作。",
  ],
  science: [
    "联合申报的国家级创新平台已通过形式审查，正在准备答辩材料。",
    "川渝科技资源共享服务平台新增入驻仪器设备{n}台（套）。",
    "联合实施关键核心技术攻关项目{n}项，已完成中期检查。",
  ],
  industry: [
    "组织川渝两地重点企业开展产业链供需对接，签约合作项目{n}个。",
    "合作园区新引进配套企业{n}家，协议投资{x}亿元。",
    "重点产业链“链长制”工作机制运行良好，梳理断点堵点问题{n}项。",
  ],
  commerce: [
    "开放平台新增外贸备案企业{n}家，进出口额同比增长{r}%。",
    "两地自贸试验区联合发布协同改革创新案例{n}项。",
    "与沿线国家和地区开展经贸对接活动{n}场，意向合作项目稳步推进。",
  ],
  fiscal: ["财税支持政策已完成测算，正在履行报批程序。", "争取中央预算内投资和地方政府专项债券额度的工作正在推进。"],
  land: ["用地保障方案已编制完成，正在与国土空间规划做好衔接。", "跨省域用地指标统筹使用机制已开展试点测算。"],
  reform: [
    "改革方案已征求两地相关部门意见，正在修改完善。",
    "跨省域事项办理机制进入试运行，累计办理业务{n}件。",
    "已梳理形成改革事项清单{n}项，其中{k}项已落地实施。",
  ],
  coordination: [
    "联合办公室召开专题调度会，研究部署年度重点任务。",
    "工作机制运行顺畅，本季度协调解决跨省际事项{n}项。",
  ],
};

const GENERIC_NOTES = [
  "川渝双方召开专题工作对接会，细化年度任务清单，明确时间表和责任人。",
  "按照联合办公室部署，牵头单位会同配合单位开展实地调研，形成问题清单{n}项，已销号{k}项。",
  "本阶段重点工作均按计划实施，总体进度约{p}%。",
  "相关工作方案已报送省（市）政府审定，配套政策同步起草中。",
];

const NEXT_STEPS = [
  "加强与国家有关部委的汇报衔接",
  "加快推进项目前期工作",
  "组织开展中期评估",
  "完善川渝两地协同推进机制",
  "抓好年度目标任务落实",
  "召开川渝专题协调会议研究解决存在问题",
  "细化分解下阶段任务并压实责任",
];

const BLOCKERS = [
  "用地指标尚未落实，影响项目开工时序。",
  "跨省审批流程衔接不畅，部分手续办理周期较长。",
  "项目资本金缺口较大，资金到位进度滞后。",
  "涉及国家部委审批，批复时间存在不确定性。",
  "两地政策标准尚未统一，需进一步对接协调。",
  "专业技术力量不足，前期工作推进较慢。",
];

const HOLD_NOTES = [
  "因上位规划调整，事项暂缓推进，待国家有关部委明确意见后恢复实施。",
  "受资金筹措影响，项目暂停实施，正在研究调整实施方案。",
];

function fill(rng: Rng, template: string, progress: number): string {
  return template
    .replaceAll("{p}", String(progress))
    .replaceAll("{x}", (rng.int(5, 120) / 10).toFixed(1))
    .replaceAll("{r}", String(rng.int(3, 28)))
    .replaceAll("{n}", String(rng.int(3, 18)))
    .replaceAll("{k}", String(rng.int(1, 3)));
}

export function progressNote(rng: Rng, topic: Topic, progress: number): string {
  const pool = rng.chance(0.65) ? TOPIC_NOTES[topic] : GENERIC_NOTES;
  return `${fill(rng, rng.pick(pool), progress)}（示例）`;
}

export function notStartedNote(rng: Rng, startMonth: string): string {
  return rng.pick([
    `事项尚未正式启动，正在开展前期研究和工作方案编制，计划于${startMonth}启动实施。（示例）`,
    `已明确牵头处室和责任人，正在与对方单位沟通工作方案，计划于${startMonth}启动。（示例）`,
  ]);
}

export function completedNote(rng: Rng): string {
  return rng.pick([
    "事项已按计划完成，相关成果材料已报送联合办公室备案。（示例）",
    "主要任务全部完成，已通过验收，转入常态化运行。（示例）",
    "各项目标任务已完成，川渝双方联合印发了总结报告。（示例）",
  ]);
}

export function holdNote(rng: Rng): string {
  return `${rng.pick(HOLD_NOTES)}（示例）`;
}

export const RESUME_NOTE = "影响因素已基本消除，事项恢复推进，正在追赶进度。（示例）";

export const CANCEL_NOTE =
  "经川渝双方协商并报联合办公室同意，该事项内容已并入相关事项统筹推进，本事项不再单独实施。（示例）";

export function nextSteps(rng: Rng, month: string): string {
  return `下一步将${rng.pick(NEXT_STEPS)}，力争${month}底前取得阶段性成果。`;
}

export function blocker(rng: Rng): string {
  return rng.pick(BLOCKERS);
}

export const DISAGREEMENT_NOTES = {
  optimistic: "总体进展顺利，各项任务按计划推进，我方认为可维持正常推进状态。（示例）",
  cautious: "我方认为跨省审批衔接仍存在堵点，实际进度滞后于计划，建议提高预警等级并提请联合办公室协调。（示例）",
  holding: "受对方配套工作未到位影响，我方相关工作暂缓推进，建议联合办公室协调明确时序。（示例）",
};

export const REVISION_REASONS = [
  "受项目用地报批进度影响，经川渝双方协商，完成时限顺延。（示例）",
  "国家有关部委审批时间调整，按联合办公室意见顺延完成时限。（示例）",
  "根据联席会议最新部署调整工作节点。（示例）",
  "项目资金筹措进度滞后，牵头单位申请延期，已报联合办公室同意。（示例）",
];

const MILESTONES: Record<Topic, string[]> = {
  transport: ["完成可行性研究报告编制", "取得初步设计批复", "控制性工程开工建设", "完成年度投资计划", "主体工程完工"],
  finance: ["形成争取政策工作方案", "完成与国家金融监管部门对接", "出台实施细则", "首批业务落地"],
  ecology: ["签订跨界流域合作协议", "建成联合监测点位", "完成年度联合执法检查", "形成评估报告"],
  energy: ["完成项目预可研", "纳入国家相关专项规划", "取得项目核准", "开工建设"],
  science: ["完成平台建设方案论证", "提交国家级平台申报材料", "完成首批科研项目立项", "平台挂牌运行"],
  industry: ["编制产业协作清单", "召开产业链供需对接会", "签约首批合作项目", "合作园区配套设施投入使用"],
  commerce: ["出台协同开放实施方案", "建成线上服务平台", "开展联合招商推介活动", "形成首批制度创新案例"],
  fiscal: ["完成政策测算", "报请省（市）政府审定", "印发配套政策文件", "完成年度资金拨付"],
  land: ["完成用地需求摸底", "形成用地保障方案", "完成指标调剂", "供地到位"],
  reform: ["形成改革试点方案", "征求两地部门意见", "印发实施方案", "完成阶段性评估"],
  coordination: ["制定年度工作要点", "召开专题协调会议", "形成督办问题清单", "向联席会议报告工作进展"],
};

/** `count` consecutive milestone titles for a topic, in the order the work happens. */
export function milestoneTitles(rng: Rng, topic: Topic, count: number): string[] {
  const list = MILESTONES[topic];
  const n = Math.min(count, list.length);
  const from = rng.int(0, list.length - n);
  return list.slice(from, from + n).map((t) => `${t}（示例）`);
}

/** 2025年3月 style month label for a date. */
export function monthLabel(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`;
}

/** What a coordinator writes when returning a report, and what the unit then adds when it revises it. */
export const RETURN_REASONS: readonly { comment: string; revision: string; wantsEvidence?: boolean }[] = [
  {
    comment: "请补充本月完成投资的具体数据和工程形象进度。（示例）",
    revision: "已按审核意见补充本月完成投资数据和形象进度。",
  },
  {
    comment: "进展描述过于笼统，请对照年度任务清单逐项说明完成情况。（示例）",
    revision: "已对照年度任务清单逐项补充完成情况。",
  },
  {
    comment: "请说明进度滞后的原因及下一步整改措施和时间节点。（示例）",
    revision: "已补充进度滞后原因分析和整改措施、时间节点。",
  },
  {
    comment: "佐证材料不完整，请补充相关会议纪要或批复文件。（示例）",
    revision: "已补充上传相关会议纪要。",
    wantsEvidence: true,
  },
  {
    comment: "完成比例与上月报告口径不一致，请核实后重新报送。（示例）",
    revision: "已与上月报告口径核对一致。",
  },
  {
    comment: "配合单位的工作情况未反映，请会同配合单位补充。（示例）",
    revision: "已会同配合单位补充相关工作情况。",
  },
];

/** The return of a 销号 report: the evidence does not yet prove the item done. */
export const CLOSE_OUT_RETURN = {
  comment: "销号佐证材料不全，请补充竣工（交工）验收意见或第三方评估报告。（示例）",
  revision: "已补充上传验收意见。",
  wantsEvidence: true,
} as const;

/** A revised report's note: the original with what was added on the coordinator's request. */
export function revisedNote(note: string, revision: string): string {
  return `${note.replace(/（示例）$/, "")}${revision}（示例）`;
}

/** A coordinator's comment on an approval (most approvals carry none). */
export function approvalComment(rng: Rng, closesItem: boolean): string | null {
  if (closesItem) return rng.pick(["材料齐全，同意销号。（示例）", "经核实已完成，同意销号。（示例）"]);
  return rng.chance(0.15) ? rng.pick(["同意。（示例）", "已审核，请继续按计划推进。（示例）"]) : null;
}

const DOC_ABBREVIATIONS: [RegExp, string][] = [
  [/发展和改革/, "发改"],
  [/经济和信息化/, "经信"],
  [/交通运输/, "交"],
  [/商务/, "商务"],
  [/科学技术/, "科"],
  [/生态环境/, "环"],
  [/财政/, "财"],
  [/自然资源/, "自然资源"],
  [/金融/, "金融"],
  [/人民代表大会/, "人大常"],
  [/政治协商/, "政协"],
  [/联合办公室/, "双城办"],
  [/新区/, "新区管"],
];

/** A 文号 such as 川发改〔2026〕123号 for a document of `unitName` (side 川 / 渝) in `year`. */
export function docNumber(rng: Rng, unitName: string, side: string, year: number): string {
  const prefix = side === "CHONGQING" ? "渝" : side === "SICHUAN" ? "川" : "川渝";
  const abbreviation =
    DOC_ABBREVIATIONS.find(([pattern]) => pattern.test(unitName))?.[1] ??
    `${unitName.replace(/人民政府$/, "").replace(/[市区县]$/, "")}府`;
  return `${prefix}${abbreviation}〔${year}〕${rng.int(8, 260)}号`;
}

/** Names of the evidence a unit attaches to an ordinary report, and to a 销号 report. */
export const PROGRESS_EVIDENCE = [
  "会议纪要.pdf",
  "工作推进情况说明.pdf",
  "项目批复文件.pdf",
  "现场调度记录.pdf",
] as const;
export const CLOSE_OUT_EVIDENCE = ["竣工验收意见.pdf", "第三方评估报告.pdf", "成果材料汇编.pdf"] as const;

/** A unit's 办理反馈 to a 督办 ({count}: how many items it names). */
export const SUPERVISION_ANSWERS: readonly string[] = [
  "已收悉督办通知，{count}个事项的进展报告已补报，今后按期报送。（示例）",
  "经单位领导专题研究，已明确专人负责，{count}个事项的情况已补报并说明延误原因。（示例）",
  "已对照督办事项逐项整改，补报材料已提交系统，请审核。（示例）",
  "因前期人员调整导致漏报，现已补报，并建立月度报送提醒机制。（示例）",
];
