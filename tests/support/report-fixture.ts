// A hand-made ReportData for the document renderers: realistic Chinese titles and units, enough items for a
// multi-page PDF, headline and pillar numbers computed from the items (so they agree with each other), and
// a "changes since" section in three shapes (some changes, none, no compare date).
import type { Locale } from "@/lib/i18n/locales";
import { completion } from "@/lib/indicators";
import { completionRate, sumAmounts } from "@/lib/money";
import type {
  ReportChanges,
  ReportData,
  ReportInvestment,
  ReportIndicator,
  ReportInvestmentFigures,
  ReportItem,
  ReportPillar,
} from "@/lib/report/types";

const PILLARS = [
  { number: 1, title: "优化空间格局" },
  { number: 2, title: "建体系育集群" },
  { number: 3, title: "建强开放高地" },
  { number: 4, title: "创机遇开新局" },
  { number: 5, title: "深化合作促共享" },
];

const SUBJECTS = [
  "成渝中线高铁",
  "西部陆海新通道",
  "川渝高竹新区",
  "万达开川渝统筹发展示范区",
  "电子信息产业集群",
  "汽车产业链",
  "成渝综合性科学中心",
  "中欧班列（成渝）",
  "内陆开放口岸",
  "跨省通办政务服务",
  "生态环境联防联治",
  "公共服务共建共享",
];
const VERBS = ["加快推进", "统筹建设", "协同打造", "深化落实", "完善配套", "谋划实施"];
const UNITS = [
  "四川省发展和改革委员会",
  "重庆市发展和改革委员会",
  "四川省交通运输厅",
  "重庆市交通运输委员会",
  "四川省经济和信息化厅",
  "重庆市经济和信息化委员会",
  null,
];
const STATUSES = [
  "IN_PROGRESS",
  "IN_PROGRESS",
  "COMPLETED",
  "NOT_STARTED",
  "ON_HOLD",
  "IN_PROGRESS",
  "NOT_ASSESSED",
] as const;
const CONFIDENCES = ["GREEN", "AMBER", "RED", "GREEN", null] as const;

function day(offset: number): string {
  return new Date(Date.UTC(2026, 10, 28) + offset * 86_400_000).toISOString().slice(0, 10);
}

/** Every third action has investment figures (万元, exact decimals); some have a plan and nothing done yet. */
function investmentOf(
  n: number,
): Pick<ReportItem, "totalInvestment" | "plannedInvestment" | "completedInvestment" | "investmentRate"> {
  if (n === 0 || n % 3 !== 0)
    return { totalInvestment: null, plannedInvestment: null, completedInvestment: null, investmentRate: null };
  const planned = `${n * 32_109}.50`;
  const completed = n % 4 === 0 ? null : `${n * 12_345}.67`;
  return {
    totalInvestment: `${n * 123_456}.78`,
    plannedInvestment: planned,
    completedInvestment: completed,
    investmentRate: completionRate(completed ?? "0", planned),
  };
}

/** The investment table of `items`, as the roll-up query would answer it. */
function investmentTable(items: ReportItem[]): ReportInvestment {
  const figures = (mine: ReportItem[]): ReportInvestmentFigures => {
    const planned = sumAmounts(mine.map((i) => i.plannedInvestment));
    const completed = sumAmounts(mine.map((i) => i.completedInvestment));
    return {
      items: mine.filter((i) => i.totalInvestment !== null || i.plannedInvestment !== null).length,
      total: sumAmounts(mine.map((i) => i.totalInvestment)),
      planned,
      completed,
      rate: completionRate(completed, planned),
    };
  };
  const actions = items.filter((i) => i.level === "ACTION");
  return {
    year: 2026,
    pillars: PILLARS.map((p) => ({ ...p, ...figures(actions.filter((i) => i.pillarNumber === p.number)) })).filter(
      (p) => p.items > 0,
    ),
    total: figures(actions),
  };
}

function makeItems(actionsPerRecommendation: number): ReportItem[] {
  const items: ReportItem[] = [];
  let n = 0;
  for (const pillar of PILLARS) {
    for (let r = 1; r <= 3; r += 1) {
      const recCode = `${pillar.number}.${r}`;
      const children: ReportItem[] = [];
      for (let a = 1; a <= actionsPerRecommendation; a += 1) {
        n += 1;
        const status = STATUSES[n % STATUSES.length]!;
        const progress =
          status === "COMPLETED" ? 100 : status === "NOT_STARTED" || status === "NOT_ASSESSED" ? 0 : (n * 17) % 95;
        const dueOffset = ((n * 37) % 400) - 150;
        const overdue = status !== "COMPLETED" && dueOffset < 0;
        const slip = n % 5 === 0 ? 60 : 0;
        children.push({
          code: `${recCode}.${a}`,
          pillarNumber: pillar.number,
          pillarTitle: pillar.title,
          level: "ACTION",
          title: `${VERBS[n % VERBS.length]}${SUBJECTS[n % SUBJECTS.length]}相关工作（第${a}项）`,
          leadUnit: UNITS[n % UNITS.length]!,
          coLeadUnit: n % 3 === 0 ? UNITS[(n + 1) % (UNITS.length - 1)]! : null,
          supportingUnits: [],
          responsiblePerson: n % 2 === 0 ? "张明" : null,
          status,
          confidence: status === "NOT_ASSESSED" ? null : CONFIDENCES[n % CONFIDENCES.length]!,
          progress,
          rolledUp: false,
          reportedProgress: status === "NOT_ASSESSED" ? null : progress,
          startDate: day(-300),
          dueDate: day(dueOffset),
          originalDueDate: day(dueOffset - slip),
          slippageDays: slip,
          overdue,
          daysOverdue: overdue ? -dueOffset : null,
          lastUpdateAt: `${day(-(n % 45))}T02:00:00.000Z`,
          version: 1 + (n % 4),
          ...investmentOf(n),
        });
      }
      const progress = children.reduce((sum, c) => sum + c.progress, 0) / children.length;
      items.push({
        ...children[0]!,
        code: recCode,
        level: "RECOMMENDATION",
        title: `第${pillar.number}方面第${r}条工作建议：推动${SUBJECTS[(pillar.number + r) % SUBJECTS.length]}高质量发展`,
        status: "IN_PROGRESS",
        confidence: null,
        progress,
        rolledUp: children.length > 0,
        reportedProgress: null,
        overdue: false,
        daysOverdue: null,
        ...investmentOf(0),
      });
      items.push(...children);
    }
  }
  return items;
}

function changesFrom(items: ReportItem[], since: string): ReportChanges {
  const actions = items.filter((i) => i.level === "ACTION");
  const pick = (offset: number, count: number) => actions.filter((_, i) => i % 11 === offset).slice(0, count);
  return {
    since,
    newlyCompleted: pick(2, 3).map((i) => ({ code: i.code, title: i.title, leadUnit: i.leadUnit })),
    newlyOverdue: pick(4, 2).map((i) => ({ code: i.code, title: i.title, leadUnit: i.leadUnit, dueDate: i.dueDate })),
    statusDowngrades: [
      { code: pick(5, 1)[0]!.code, title: pick(5, 1)[0]!.title, from: "IN_PROGRESS", to: "ON_HOLD", kind: "status" },
      { code: pick(6, 1)[0]!.code, title: pick(6, 1)[0]!.title, from: "GREEN", to: "RED", kind: "confidence" },
    ],
    dueDateRevisions: pick(7, 2).map((i, k) => ({
      code: i.code,
      title: i.title,
      from: i.originalDueDate,
      to: i.dueDate,
      reason: k === 0 ? "受征地拆迁影响，工期顺延" : null,
      at: "2026-11-10T03:00:00.000Z",
    })),
    progressMoves: pick(8, 3).map((i, k) => ({
      code: i.code,
      title: i.title,
      from: 20 + k,
      to: 55 + k * 10,
      delta: 35 + k * 9,
    })),
  };
}

/**
 * 指标 of every fifth action: a headline 公里 indicator with a value (some past the target, one below the
 * baseline), a lower-is-better % indicator, one not reported yet; 完成度 as the query computes it.
 */
function indicatorsOf(items: ReportItem[]): ReportIndicator[] {
  const actions = items.filter((i) => i.level === "ACTION").filter((_, n) => n % 5 === 0);
  return actions.flatMap((item, n): ReportIndicator[] => {
    const km = (["12.5", "480", "1234567.8901", "-3", null] as const)[n % 5]!;
    const share = n % 3 === 0 ? null : `${20 - (n % 7)}.25`;
    const base = { code: item.code, title: item.title, observedOn: "2026-10-31" };
    return [
      {
        ...base,
        name: "高速铁路运营里程",
        unit: "公里",
        baseline: "0",
        target: "500",
        targetYear: 2030,
        direction: "HIGHER",
        headline: n % 2 === 0,
        actual: km,
        observedOn: km === null ? null : base.observedOn,
        completion: completion("0", "500", km),
      },
      {
        ...base,
        name: "单位地区生产总值能耗下降",
        unit: "%",
        baseline: "22.5",
        target: "13.5",
        targetYear: 2027,
        direction: "LOWER",
        headline: n % 4 === 1,
        actual: share,
        observedOn: share === null ? null : base.observedOn,
        completion: completion("22.5", "13.5", share),
      },
    ];
  });
}

export interface FixtureOptions {
  locale?: Locale;
  actionsPerRecommendation?: number;
  changes?: "some" | "none" | "no-compare";
}

export function reportFixture(options: FixtureOptions = {}): ReportData {
  const { locale = "zh-CN", actionsPerRecommendation = 8, changes = "some" } = options;
  const items = makeItems(actionsPerRecommendation);
  const actions = items.filter((i) => i.level === "ACTION");
  const pillars: ReportPillar[] = PILLARS.map((p) => {
    const mine = actions.filter((i) => i.pillarNumber === p.number);
    return {
      number: p.number,
      title: p.title,
      progress: mine.reduce((s, i) => s + i.progress, 0) / mine.length,
      items: mine.length,
      completed: mine.filter((i) => i.status === "COMPLETED").length,
      overdue: mine.filter((i) => i.overdue).length,
    };
  });
  const lagging = actions
    .filter((i) => i.status !== "COMPLETED" && (i.overdue || i.confidence === "RED"))
    .sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0));
  const since = "2026-10-29";
  return {
    scopeLabel: locale === "en" ? "All items" : "全部事项",
    sampleData: true,
    scope: { kind: "all" },
    asOf: "2026-11-28",
    compare: changes === "no-compare" ? null : since,
    locale,
    generatedAt: "2026-11-28T06:30:00.000Z",
    headline: {
      items: actions.length,
      overallProgress: actions.reduce((s, i) => s + i.progress, 0) / actions.length,
      onTrack: actions.filter((i) => i.confidence === "GREEN").length,
      atRisk: actions.filter((i) => i.confidence === "AMBER").length,
      offTrack: actions.filter((i) => i.confidence === "RED").length,
      completed: actions.filter((i) => i.status === "COMPLETED").length,
      overdue: actions.filter((i) => i.overdue).length,
      stale: actions.filter((i) => (i.lastUpdateAt ?? "") < `${day(-30)}`).length,
    },
    pillars,
    items,
    lagging,
    units: [],
    investment: investmentTable(items),
    indicators: indicatorsOf(items),
    recentUpdates: [],
    changes:
      changes === "no-compare"
        ? null
        : changes === "none"
          ? {
              since,
              newlyCompleted: [],
              newlyOverdue: [],
              statusDowngrades: [],
              dueDateRevisions: [],
              progressMoves: [],
            }
          : changesFrom(items, since),
    ratings: null,
  };
}
