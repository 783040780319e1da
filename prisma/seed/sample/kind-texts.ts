// What the sample (示例数据) writes about an item, by the kind of work it is (kinds.ts): progress notes,
// milestones, completion notes, next steps, blockers, hold notes, a coordinator's return reasons and the 销号
// evidence. A proposal is drafted, sent to the ministries and approved (已获国家批复), a study is opened,
// researched and reviewed: neither is 开工, 施工 or 验收 — only construction is. Topic flavour (units.ts Topic)
// is added where it fits the kind. Every text a report carries ends with （示例）.
import type { ItemKind } from "./kinds";
import type { Rng } from "./random";
import type { Topic } from "./units";

const MARK = "（示例）";

const KIND_NOTES: Record<ItemKind, string[]> = {
  construction: [
    "控制性工程施工有序推进，沿线征地拆迁工作基本完成。",
    "初步设计已获批复，施工图设计和施工招标工作同步推进。",
    "主体工程累计完成形象进度约{p}%，现场施工安全平稳。",
    "项目用地预审和环评批复已取得，正在办理施工许可手续。",
    "川渝两地主管部门联合召开调度会，协调解决跨界段建设衔接问题。",
  ],
  platform: [
    "平台建设方案已经两地政府审定，管理运营机构组建到位。",
    "平台本季度新引进企业和机构{n}家，协议投资{x}亿元。",
    "出台支持平台发展的政策措施{n}条，已兑现落实{k}条。",
    "川渝两地联合开展招商推介活动{n}场，意向合作项目稳步推进。",
    "平台运营管理机制逐步完善，本季度服务企业{n}家次。",
  ],
  reform: [
    "改革方案已征求两地相关部门意见，正在修改完善。",
    "已梳理形成改革事项清单{n}项，其中{k}项已落地实施。",
    "跨省域事项办理机制进入试运行，累计办理业务{n}件。",
    "配套政策文件已起草完成，正在履行合法性审查程序。",
    "在{n}个区县开展先行试点，形成可复制推广经验{k}条。",
  ],
  study: [
    "课题已完成开题论证，研究团队赴川渝两地开展实地调研{n}次。",
    "已形成研究报告初稿，正在征求两地有关部门意见。",
    "组织召开专家评审会，研究成果总体通过评审，正按评审意见修改完善。",
    "收集整理基础资料{n}份，完成专题研究{k}项。",
  ],
  proposal: [
    "已形成向国家有关部委的请示报告，正在履行报送程序。",
    "赴国家有关部委汇报对接{n}次，争取将相关事项纳入国家规划和政策支持范围。",
    "请示报告已由川渝两省市政府联合报送，国家有关部委正在研究。",
    "按照国家有关部委反馈意见，补充完善申报材料。",
    "已与国家有关部委建立常态化沟通机制，事项有待国家层面决定。",
  ],
  mechanism: [
    "联合办公室召开专题调度会，研究部署年度重点任务。",
    "工作机制运行顺畅，本季度协调解决跨省际事项{n}项。",
    "召开联席会议{k}次，形成会议纪要并分解落实议定事项{n}项。",
    "建立定期会商和信息通报制度，本季度通报工作情况{n}期。",
  ],
};

/** Notes in the words of a field, for the kinds whose work they describe. */
const TOPIC_NOTES: Partial<Record<Topic, { kinds: ItemKind[]; notes: string[] }>> = {
  transport: {
    kinds: ["construction", "platform", "reform"],
    notes: [
      "川渝两地交通部门联合召开调度会，协调解决跨界衔接问题。",
      "西部陆海新通道班列和中欧班列（成渝）开行保持增长，本季度同比增长{r}%。",
    ],
  },
  energy: {
    kinds: ["construction", "platform"],
    notes: ["与国家能源主管部门对接{n}次，协调解决跨省送电和通道运能问题。"],
  },
  finance: {
    kinds: ["platform", "reform", "mechanism"],
    notes: ["跨区域金融服务合作机制运行平稳，本季度新增授信{x}亿元。", "联合起草的实施方案已征求两地金融机构意见。"],
  },
  ecology: {
    kinds: ["reform", "mechanism", "platform"],
    notes: [
      "联合开展跨界河流水质监测{n}次，交界断面水质总体保持Ⅲ类以上。",
      "两地生态环境部门开展联合执法检查，发现问题{n}个，已整改{k}个。",
    ],
  },
  science: {
    kinds: ["platform", "reform"],
    notes: [
      "川渝科技资源共享服务平台新增入驻仪器设备{n}台（套）。",
      "联合实施关键核心技术攻关项目{n}项，已完成中期检查。",
    ],
  },
  industry: {
    kinds: ["platform", "reform", "mechanism"],
    notes: [
      "组织川渝两地重点企业开展产业链供需对接，签约合作项目{n}个。",
      "重点产业链“链长制”工作机制运行良好，梳理断点堵点问题{n}项。",
    ],
  },
  commerce: {
    kinds: ["platform", "reform"],
    notes: [
      "两地自贸试验区联合发布协同改革创新案例{n}项。",
      "与沿线国家和地区开展经贸对接活动{n}场，意向合作项目稳步推进。",
    ],
  },
  fiscal: { kinds: ["reform"], notes: ["财税支持政策已完成测算，正在履行报批程序。"] },
  land: { kinds: ["reform"], notes: ["跨省域用地指标统筹使用机制已开展试点测算。"] },
};

const GENERIC_NOTES = [
  "川渝双方召开专题工作对接会，细化年度任务清单，明确时间表和责任人。",
  "按照联合办公室部署，牵头单位会同配合单位开展实地调研，形成问题清单{n}项，已销号{k}项。",
  "本阶段重点工作均按计划实施，总体进度约{p}%。",
  "相关工作方案已报送省（市）政府审定，配套措施同步起草中。",
];

function fill(rng: Rng, template: string, progress: number): string {
  return template
    .replaceAll("{p}", String(progress))
    .replaceAll("{x}", (rng.int(5, 120) / 10).toFixed(1))
    .replaceAll("{r}", String(rng.int(3, 28)))
    .replaceAll("{n}", String(rng.int(3, 18)))
    .replaceAll("{k}", String(rng.int(1, 3)));
}

/** An in-progress report's note: mostly in the kind's words, now and then its field's, else a generic one. */
export function progressNote(rng: Rng, kind: ItemKind, topic: Topic, progress: number): string {
  const flavour = TOPIC_NOTES[topic];
  const topical = flavour && flavour.kinds.includes(kind) ? flavour.notes : [];
  const r = rng.next();
  const pool = r < 0.6 ? KIND_NOTES[kind] : r < 0.75 && topical.length > 0 ? topical : GENERIC_NOTES;
  return `${fill(rng, rng.pick(pool), progress)}${MARK}`;
}

const COMPLETED_NOTES: Record<ItemKind, string[]> = {
  construction: [
    "工程已全部完工并通过竣工验收，转入运营管理。",
    "项目建成投用，竣工资料已归档，相关成果材料已报送联合办公室备案。",
  ],
  platform: [
    "平台已挂牌运行，管理运营机制健全，转入常态化运营。",
    "建设方案确定的各项任务全部完成，平台运行情况已报联合办公室备案。",
  ],
  reform: [
    "改革任务全部完成，相关制度文件已印发实施，转入常态化推进。",
    "各项改革目标已完成，川渝双方联合印发了总结报告。",
  ],
  study: [
    "研究成果已通过专家评审并报送两省市政府，转化为相关政策文件。",
    "课题研究全部完成，成果材料已报送联合办公室备案。",
  ],
  proposal: [
    "已获国家批复，相关事项纳入国家规划，转入落地实施阶段。",
    "国家有关部委已复函同意，川渝双方正抓紧制定落实方案。",
  ],
  mechanism: [
    "工作机制已正式建立并常态化运行，相关制度文件已印发。",
    "各项目标任务已完成，川渝双方联合印发了总结报告。",
  ],
};

export function completedNote(rng: Rng, kind: ItemKind): string {
  return `${rng.pick(COMPLETED_NOTES[kind])}${MARK}`;
}

const HOLD_NOTES: Record<ItemKind, string[]> = {
  construction: [
    "受资金筹措影响，项目暂停实施，正在研究调整实施方案。",
    "因上位规划调整，项目暂缓推进，待有关部门明确意见后恢复实施。",
  ],
  platform: ["因上位规划调整，平台建设暂缓推进，待两地政府明确意见后恢复实施。"],
  reform: ["改革事项涉及国家层面授权调整，暂缓推进，待国家有关部委明确意见后恢复实施。"],
  study: ["因上位规划调整，课题暂缓开展，待规划方向明确后恢复研究。"],
  proposal: ["国家有关部委正在统筹研究，事项暂缓推进，待国家层面明确意见后再行报送。"],
  mechanism: ["因机构调整，工作机制暂缓运行，待职责明确后恢复。"],
};

export function holdNote(rng: Rng, kind: ItemKind): string {
  return `${rng.pick(HOLD_NOTES[kind])}${MARK}`;
}

const NEXT_STEPS: Record<ItemKind, string[]> = {
  construction: ["加快推进项目前期工作", "加快施工进度，确保完成年度投资计划", "协调解决用地和资金保障问题"],
  platform: ["加大招商引资和项目引进力度", "完善平台运营管理机制", "推动支持政策落地见效"],
  reform: ["完善配套政策并扩大试点范围", "组织开展改革成效评估", "完善川渝两地协同推进机制"],
  study: ["按专家意见修改完善研究报告", "深化专题研究", "加快形成研究成果并报送审定"],
  proposal: ["加强与国家有关部委的汇报衔接", "按国家有关部委意见补充完善材料", "争取早日获得国家批复"],
  mechanism: ["召开川渝专题协调会议研究解决存在问题", "完善会商和信息通报制度", "抓好议定事项督办落实"],
};
const GENERIC_NEXT_STEPS = ["抓好年度目标任务落实", "细化分解下阶段任务并压实责任"];

export function nextSteps(rng: Rng, kind: ItemKind, month: string): string {
  const step = rng.chance(0.75) ? rng.pick(NEXT_STEPS[kind]) : rng.pick(GENERIC_NEXT_STEPS);
  return `下一步将${step}，力争${month}底前取得阶段性成果。${MARK}`;
}

const BLOCKERS: Record<ItemKind, string[]> = {
  construction: [
    "用地指标尚未落实，影响项目开工时序。",
    "项目资本金缺口较大，资金到位进度滞后。",
    "跨省审批流程衔接不畅，部分手续办理周期较长。",
  ],
  platform: ["入驻项目落地进度慢于预期，配套设施尚不完善。", "两地支持政策标准尚未统一，需进一步对接协调。"],
  reform: ["两地政策标准尚未统一，需进一步对接协调。", "改革事项涉及国家层面授权，需等待上级明确意见。"],
  study: ["基础数据收集难度较大，调研进度慢于计划。", "专业技术力量不足，研究进度较慢。"],
  proposal: ["涉及国家部委审批，批复时间存在不确定性。", "国家层面统筹布局尚未明确，争取工作难度较大。"],
  mechanism: ["部分成员单位参与不够，议定事项落实进度不一。", "跨省际协调事项较多，部分事项需提请联席会议研究。"],
};

export function blocker(rng: Rng, kind: ItemKind): string {
  return `${rng.pick(BLOCKERS[kind])}${MARK}`;
}

const REVISION_REASONS: Record<ItemKind, string> = {
  construction: "受项目用地报批进度影响，经川渝双方协商，完成时限顺延。（示例）",
  platform: "平台建设方案报批时间调整，经川渝双方协商，完成时限顺延。（示例）",
  reform: "配套政策出台时间调整，经川渝双方协商，完成时限顺延。（示例）",
  study: "研究范围按专家意见扩展，经川渝双方协商，完成时限顺延。（示例）",
  proposal: "国家有关部委审批时间调整，按联合办公室意见顺延完成时限。（示例）",
  mechanism: "根据联席会议最新部署调整工作节点。（示例）",
};

/** Why a due date is pushed out: the kind's own reason, or one that fits any item. */
export function revisionReason(rng: Rng, kind: ItemKind): string {
  return rng.chance(0.6) ? REVISION_REASONS[kind] : "根据联席会议最新部署调整工作节点。（示例）";
}

/** Each kind's milestones in the order the work happens; the last is the one that finishes it. */
const MILESTONES: Record<ItemKind, string[]> = {
  construction: [
    "完成可行性研究报告编制",
    "取得初步设计批复",
    "控制性工程开工建设",
    "完成年度投资计划",
    "主体工程完工",
    "竣工验收",
  ],
  platform: ["形成平台建设方案", "建设方案经两地政府审定", "组建运营管理机构", "出台支持政策措施", "平台挂牌运行"],
  reform: ["形成改革试点方案", "征求两地部门意见", "印发实施方案", "开展先行试点", "完成阶段性评估"],
  study: ["完成课题开题", "完成实地调研", "形成研究报告初稿", "通过专家评审", "研究成果报送"],
  proposal: ["形成请示报告", "报送国家有关部委", "赴国家有关部委对接汇报", "按反馈意见补充完善材料", "获国家批复"],
  mechanism: ["制定年度工作要点", "召开专题协调会议", "形成督办问题清单", "向联席会议报告工作进展"],
};

/**
 * `count` consecutive milestone titles of a kind, in the order the work happens. The finishing one (竣工验收,
 * 获国家批复 …) only for an item that is completed: it would say an open item is done.
 */
export function milestoneTitles(rng: Rng, kind: ItemKind, count: number, completed: boolean): string[] {
  const list = completed ? MILESTONES[kind] : MILESTONES[kind].slice(0, -1);
  const n = Math.min(count, list.length);
  const from = rng.int(0, list.length - n);
  return list.slice(from, from + n).map((t) => `${t}${MARK}`);
}

export interface ReturnReason {
  comment: string;
  revision: string;
  wantsEvidence?: boolean;
}

/** What a coordinator asks of a report of this kind in particular. */
const KIND_RETURN_REASONS: Record<ItemKind, ReturnReason> = {
  construction: {
    comment: "请补充本月完成投资的具体数据和工程形象进度。（示例）",
    revision: "已按审核意见补充本月完成投资数据和形象进度。",
  },
  platform: {
    comment: "请补充平台新引进企业和项目的具体数据。（示例）",
    revision: "已补充新引进企业和项目清单。",
  },
  reform: {
    comment: "请对照改革事项清单逐项说明落地情况。（示例）",
    revision: "已对照改革事项清单逐项补充落地情况。",
  },
  study: {
    comment: "请补充研究进展和阶段性成果的具体内容。（示例）",
    revision: "已补充研究进展和阶段性成果。",
  },
  proposal: {
    comment: "请补充与国家有关部委对接的具体情况和下一步争取方向。（示例）",
    revision: "已补充对接汇报情况和下一步争取方向。",
  },
  mechanism: {
    comment: "请补充议定事项的办理情况。（示例）",
    revision: "已补充议定事项办理情况。",
  },
};

/** What a coordinator writes when returning any report, and what the unit then adds when it revises it. */
const RETURN_REASONS: readonly ReturnReason[] = [
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

export function returnReason(rng: Rng, kind: ItemKind): ReturnReason {
  return rng.chance(0.2) ? KIND_RETURN_REASONS[kind] : rng.pick(RETURN_REASONS);
}

/** A 销号 report's evidence: the file that proves the item done, files that may go with it, and a return for more. */
export interface CloseOut {
  /** always attached to the 销号 report */
  proof: string;
  /** one of these now and then */
  extra: readonly string[];
  /** the coordinator's return when the evidence does not yet prove it, the unit's revision and its added file */
  returnComment: string;
  revision: string;
  supplement: string;
}

export const CLOSE_OUT: Record<ItemKind, CloseOut> = {
  construction: {
    proof: "验收报告.pdf",
    extra: ["竣工验收意见.pdf", "第三方评估报告.pdf"],
    returnComment: "销号佐证材料不全，请补充竣工（交工）验收意见或第三方评估报告。（示例）",
    revision: "已补充上传验收意见。",
    supplement: "竣工验收意见.pdf",
  },
  platform: {
    proof: "平台运行情况报告.pdf",
    extra: ["挂牌批复文件.pdf", "第三方评估报告.pdf"],
    returnComment: "销号佐证材料不全，请补充平台挂牌批复文件或第三方评估报告。（示例）",
    revision: "已补充上传挂牌批复文件。",
    supplement: "挂牌批复文件.pdf",
  },
  reform: {
    proof: "改革实施情况总结.pdf",
    extra: ["制度文件汇编.pdf", "第三方评估报告.pdf"],
    returnComment: "销号佐证材料不全，请补充已印发的制度文件或第三方评估报告。（示例）",
    revision: "已补充上传制度文件汇编。",
    supplement: "制度文件汇编.pdf",
  },
  study: {
    proof: "研究报告终稿.pdf",
    extra: ["专家评审意见.pdf", "成果报送函.pdf"],
    returnComment: "销号佐证材料不全，请补充专家评审意见和成果报送文件。（示例）",
    revision: "已补充上传专家评审意见。",
    supplement: "专家评审意见.pdf",
  },
  proposal: {
    proof: "国家有关部委批复文件.pdf",
    extra: ["请示报告.pdf", "对接汇报材料.pdf"],
    returnComment: "销号佐证材料不全，请补充国家有关部委的批复文件。（示例）",
    revision: "已补充上传批复文件。",
    supplement: "批复文件.pdf",
  },
  mechanism: {
    proof: "工作机制制度文件.pdf",
    extra: ["会议纪要.pdf", "工作总结报告.pdf"],
    returnComment: "销号佐证材料不全，请补充机制建立的制度文件和会议纪要。（示例）",
    revision: "已补充上传会议纪要。",
    supplement: "会议纪要.pdf",
  },
};

/** Names of the evidence a unit attaches to an ordinary report of this kind. */
export const PROGRESS_EVIDENCE: Record<ItemKind, readonly string[]> = {
  construction: ["会议纪要.pdf", "项目批复文件.pdf", "现场调度记录.pdf", "形象进度照片.pdf"],
  platform: ["会议纪要.pdf", "工作推进情况说明.pdf", "入驻企业清单.pdf"],
  reform: ["会议纪要.pdf", "工作推进情况说明.pdf", "改革事项清单.pdf"],
  study: ["会议纪要.pdf", "调研报告.pdf", "研究报告初稿.pdf"],
  proposal: ["请示报告.pdf", "对接汇报材料.pdf", "会议纪要.pdf"],
  mechanism: ["会议纪要.pdf", "工作推进情况说明.pdf", "督办问题清单.pdf"],
};
