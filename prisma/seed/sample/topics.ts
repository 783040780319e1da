// Which department an item belongs to (its topic, guessed from its wording: the sample's texts follow its kind,
// kinds.ts), and which joint conference's subject it is. Topic rules are tried in order on the title; the first
// whose keywords appear wins. Titles without any fall back to the pillar's theme (the excerpts list many fields
// at once, so they mislead more than they help).
import type { ItemKind } from "./kinds";
import type { Topic } from "./units";

const TOPIC_RULES: [Topic, RegExp][] = [
  ["coordination", /合作办公室|联合办公室|联席会议|人大|政协|协调机制|推进机制|执行机制|纳入考核/],
  ["finance", /金融|证券|交易所|期货|保险|信贷|贷款|质押|投融资|基金/],
  ["energy", /特高压|电力|能源|北煤|清洁能源|油气|天然气|水电/],
  ["ecology", /生态|流域|水环境|环境共建|环境保护|污染|绿色|环保/],
  ["transport", /铁路|高铁|航道|航电|枢纽|机场|航空|航线|通道|公路|高速|轨道|交通|港口|水运|班列|空中走廊|水道|物流/],
  ["science", /科技|科学|创新中心|创新平台|创新服务|实验室|研究机构|科研|技术|大科学|人才|知识产权|数据/],
  ["fiscal", /财税|税费|税收|财政|投资|举债/],
  ["land", /用地|土地|国土空间/],
  ["commerce", /开放|自贸|自由贸易|口岸|一带一路|进出口|对外交往|消费|外资|保税|营商环境/],
  ["industry", /产业|制造|集群|备份|电子信息|汽车|装备|工业|园区|开发区|高新区|企业|战略资源|承接|材料|贸易转移/],
  ["reform", /改革|审批|统计|行政区|经济区|同城化|一体化|市场|准入|权限|政策/],
];

const PILLAR_DEFAULT: Record<number, Topic> = {
  1: "reform",
  2: "industry",
  3: "commerce",
  4: "reform",
  5: "coordination",
};

export function classifyTopic(title: string, pillarNumber: number): Topic {
  for (const [topic, pattern] of TOPIC_RULES) if (pattern.test(title)) return topic;
  return PILLAR_DEFAULT[pillarNumber] ?? "reform";
}

/** Topics where a named place should lead (its government) rather than a provincial department. */
export const PLACE_LED_TOPICS: ReadonlySet<Topic> = new Set<Topic>(["reform", "industry", "land", "coordination"]);

export interface ConferenceContext {
  code: string;
  pillarNumber: number;
  recommendationTitle: string;
  title: string;
  /** the source sentence the item was taken from */
  excerpt: string;
  topic: Topic;
  kind: ItemKind;
}

/**
 * Conference numbers (1–8, the order of the eight 川渝党政联席会议) whose subject is the item's subject, read
 * from each conference's theme and summary (prisma/seed/document/conferences.ts):
 * 1 2020-03-17 唱好“双城记” (work mechanisms, plans, supporting policy: pillar 5) ·
 * 2 2020-12-14 落实规划纲要 (the open platforms and the big market) · 3 2021-05-27 战略协作 (产业协作) ·
 * 4 2021-12-14 一极一源、两中心两地 (the two cores, the science and innovation centre) ·
 * 5 2022-06-29 五个互联互通 (transport infrastructure first) · 6 2022-12-30 市场一体化、市场准入异地同标、国际消费目的地 ·
 * 7 2023-06-26 成渝中部崛起 (the 极点) · 8 2023-12-28 现代化产业体系、综合性科学中心.
 * Each rule reads the item's own subject, not words that happen to occur in it: 双城 in 双城经济圈, 一体化 of a
 * river's monitoring or 备份 of a stock exchange's back-up centre are not these conferences' subjects.
 */
export function conferenceThemes(c: ConferenceContext): number[] {
  const out: number[] = [];
  const recommendation = c.code.split(".").slice(0, 2).join(".");
  if (c.pillarNumber === 5) out.push(1);
  // 打造高水平开放平台, and the south-facing open gateway of 提升“两翼”战略地位.
  if (recommendation === "3.2" || /开放门户/.test(c.title)) out.push(2);
  if (c.pillarNumber === 2 && (c.topic === "industry" || c.topic === "commerce")) out.push(3);
  if (recommendation === "1.1" || /双核/.test(c.title) || /科技创新中心/.test(c.title)) out.push(4);
  // Transport works and services; a pillar-1 item about a hub city's reach is about the city, not its transport.
  const transport = c.topic === "transport" && (c.pillarNumber !== 1 || c.kind === "construction");
  if (transport || (c.kind === "construction" && /铁路|通道/.test(c.title))) out.push(5);
  if (c.pillarNumber >= 3 && /市场准入|市场一体化|消费|同城化/.test(`${c.title} ${c.excerpt}`)) out.push(6);
  if (c.pillarNumber === 1 && /极点|中部|西扩|东进/.test(`${c.recommendationTitle} ${c.title}`)) out.push(7);
  // 建设国家战略产业备份基地 (the industrial system), and the science centre's institutes, laboratories, platforms.
  if (recommendation === "2.1" || /科学中心|科学基础装置|科技创新中心|实验室|创新平台|研究机构/.test(c.title))
    out.push(8);
  return out;
}
