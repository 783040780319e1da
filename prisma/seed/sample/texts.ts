// Chinese templates for the sample dataset (示例数据) that fit any item: people, not-started, resumed, cancelled
// and disagreeing notes, approvals, 文号 and 督办 answers. What depends on the kind of work is in kind-texts.ts.
// Plausible but fictional; every person's name carries （示例）.
import type { UnitKind } from "../../../lib/generated/prisma/enums";
import type { Rng } from "./random";

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

export function notStartedNote(rng: Rng, startMonth: string): string {
  return rng.pick([
    `事项尚未正式启动，正在开展前期研究和工作方案编制，计划于${startMonth}启动实施。（示例）`,
    `已明确牵头处室和责任人，正在与对方单位沟通工作方案，计划于${startMonth}启动。（示例）`,
  ]);
}

export const RESUME_NOTE = "影响因素已基本消除，事项恢复推进，正在追赶进度。（示例）";

export const CANCEL_NOTE =
  "经川渝双方协商并报联合办公室同意，该事项内容已并入相关事项统筹推进，本事项不再单独实施。（示例）";

export const DISAGREEMENT_NOTES = {
  optimistic: "总体进展顺利，各项任务按计划推进，我方认为可维持正常推进状态。（示例）",
  cautious: "我方认为跨省审批衔接仍存在堵点，实际进度滞后于计划，建议提高预警等级并提请联合办公室协调。（示例）",
  holding: "受对方配套工作未到位影响，我方相关工作暂缓推进，建议联合办公室协调明确时序。（示例）",
};

/** 2025年3月 style month label for a date. */
export function monthLabel(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`;
}

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

/** A unit's 办理反馈 to a 督办 ({count}: how many items it names). */
export const SUPERVISION_ANSWERS: readonly string[] = [
  "已收悉督办通知，{count}个事项的进展报告已补报，今后按期报送。（示例）",
  "经单位领导专题研究，已明确专人负责，{count}个事项的情况已补报并说明延误原因。（示例）",
  "已对照督办事项逐项整改，补报材料已提交系统，请审核。（示例）",
  "因前期人员调整导致漏报，现已补报，并建立月度报送提醒机制。（示例）",
];
