// Checks the document seed against the source text: every excerpt verbatim, every conference dated as on
// the page, regions and codes consistent, and the named projects of the paper present as action items.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { conferences, documentCounts, goals, pillarItems, pillars, regions, units } from "../../prisma/seed/document";

const sourcePath = fileURLToPath(new URL("../../prisma/seed/document/source.txt", import.meta.url));
const rawSource = readFileSync(sourcePath, "utf8");
const source = rawSource.replace(/\s+/g, "");

const recommendations = pillarItems.flatMap((p) =>
  p.recommendations.map((r, ri) => ({ ...r, pillar: p.pillar, code: `${p.pillar}.${ri + 1}` })),
);
const actions = recommendations.flatMap((r) =>
  r.actions.map((a, ai) => ({ ...a, recommendation: r, code: `${r.code}.${ai + 1}` })),
);

/** Abbreviations in the source that name several regions at once. */
const abbreviations: Record<string, string[]> = { 成德眉资: ["成都", "德阳", "眉山", "资阳"] };

/** Whether a text names a region, directly or through one of the abbreviations above. */
function names(text: string, region: string): boolean {
  if (text.includes(region)) return true;
  return Object.entries(abbreviations).some(([abbr, members]) => members.includes(region) && text.includes(abbr));
}

/** 2020-03-17 → 2020年3月17日 */
function chineseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

describe("document seed: structure", () => {
  it("has 5 pillars, 13 recommendations and 8 conferences", () => {
    expect(pillars).toHaveLength(5);
    expect(pillars.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    expect(pillarItems.map((p) => p.pillar)).toEqual([1, 2, 3, 4, 5]);
    expect(recommendations).toHaveLength(13);
    expect(pillarItems.map((p) => p.recommendations.length)).toEqual([3, 4, 2, 2, 2]);
    expect(conferences).toHaveLength(8);
  });

  it("computes documentCounts from the arrays", () => {
    expect(documentCounts).toEqual({
      pillars: pillars.length,
      recommendations: recommendations.length,
      actions: actions.length,
      goals: goals.length,
      conferences: conferences.length,
      regions: regions.length,
      units: units.length,
    });
    expect(goals.length).toBeGreaterThanOrEqual(3);
    expect(goals.length).toBeLessThanOrEqual(6);
    expect(goals.map((g) => g.number)).toEqual(goals.map((_, i) => i + 1));
  });

  it("prints the counts for the report", () => {
    const perRecommendation = recommendations.map((r) => `${r.code} ${r.title}: ${r.actions.length}`);
    console.log(`document seed counts: ${JSON.stringify(documentCounts)}\n${perRecommendation.join("\n")}`);
    expect(actions.length).toBeGreaterThan(recommendations.length);
  });

  it("has unique codes, and unique titles within each recommendation", () => {
    const codes = actions.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of recommendations) {
      const titles = r.actions.map((a) => a.title);
      expect(new Set(titles).size, `duplicate action title under ${r.code}`).toBe(titles.length);
      expect(r.actions.length, `${r.code} has no actions`).toBeGreaterThan(0);
    }
    const recTitles = recommendations.map((r) => r.title);
    expect(new Set(recTitles).size).toBe(recTitles.length);
  });

  it("has non-empty titles everywhere", () => {
    for (const item of [...pillars, ...goals, ...recommendations, ...actions]) {
      expect(item.title.trim(), JSON.stringify(item).slice(0, 80)).not.toBe("");
      expect(item.titleEn.trim(), item.title).not.toBe("");
    }
  });
});

describe("document seed: verbatim text", () => {
  it("pillar headings, requirements and summaries are in the source", () => {
    for (const p of pillars) {
      expect(source, `heading of pillar ${p.number}`).toContain(`${p.title}：${p.theme}`);
      expect(source, `requirement of pillar ${p.number}`).toContain(`规划要求：“${p.requirement}”`);
      expect(source, `summary of pillar ${p.number}`).toContain(`工作建议：${p.summary}`);
    }
  });

  it("pillar headings appear in the order the lead verified (lines 314, 334, 328, 330, 332)", () => {
    const lines = rawSource.split("\n").map((l) => l.trim());
    const headingLines = pillars.map((p) => lines.indexOf(`${p.title}：${p.theme}`) + 1);
    expect(headingLines).toEqual([314, 334, 328, 330, 332]);
  });

  it("goal excerpts are in the opening paragraphs", () => {
    const opening = rawSource.split("时间：")[0]!.replace(/\s+/g, "");
    for (const g of goals) expect(opening, g.title).toContain(g.sourceExcerpt);
  });

  it("conference date/theme pairs and summaries are in the source, in date order", () => {
    conferences.forEach((c, i) => {
      expect(c.number).toBe(i + 1);
      expect(c.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(source, `conference ${c.number}`).toContain(`时间：${chineseDate(c.date)}主题：${c.theme}`);
      expect(source, `summary of conference ${c.number}`).toContain(c.summary);
      if (i > 0) expect(c.date > conferences[i - 1]!.date).toBe(true);
    });
    // Every 时间 line on the page is one of ours.
    const pageDates = [...rawSource.matchAll(/时间：(\d{4})年(\d{1,2})月(\d{1,2})日/g)].map(
      ([, y, m, d]) => `${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`,
    );
    expect(conferences.map((c) => c.date)).toEqual(pageDates);
  });

  it("recommendation titles and whole paragraphs are in the source", () => {
    for (const r of recommendations) {
      expect(source, r.code).toContain(`${r.title}。`);
      expect(r.sourceExcerpt.startsWith(`${r.title}。`), `${r.code} excerpt starts with its title`).toBe(true);
      expect(r.sourceExcerpt.endsWith("。"), `${r.code} excerpt is a whole paragraph`).toBe(true);
      expect(source, `${r.code} excerpt`).toContain(r.sourceExcerpt);
    }
  });

  it("recommendation paragraphs do not overlap and appear pillar by pillar", () => {
    const starts = recommendations.map((r) => source.indexOf(r.sourceExcerpt));
    const ranges = recommendations.map((r, i) => [starts[i]!, starts[i]! + r.sourceExcerpt.length] as const);
    const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]![0]).toBeGreaterThanOrEqual(sorted[i - 1]![1]);
  });

  it("every action excerpt is verbatim and inside its own recommendation's paragraph", () => {
    for (const a of actions) {
      expect(a.sourceExcerpt, a.code).not.toMatch(/\s|…|\.\.\./);
      expect(source, `${a.code} ${a.title}`).toContain(a.sourceExcerpt);
      expect(a.recommendation.sourceExcerpt, `${a.code} ${a.title}`).toContain(a.sourceExcerpt);
    }
  });

  it("actions are in text order within each recommendation", () => {
    for (const r of recommendations) {
      const positions = r.actions.map((a) => r.sourceExcerpt.indexOf(a.sourceExcerpt));
      for (let i = 1; i < positions.length; i++) {
        expect(positions[i], `${r.code}.${i + 1} ${r.actions[i]!.title}`).toBeGreaterThanOrEqual(positions[i - 1]!);
      }
    }
  });
});

describe("document seed: regions and units", () => {
  const regionNames = new Set(regions.map((r) => r.name));

  it("region and unit names are unique", () => {
    expect(regionNames.size).toBe(regions.length);
    expect(new Set(units.map((u) => u.name)).size).toBe(units.length);
  });

  it("every region appears in the recommendation text", () => {
    const recText = recommendations.map((r) => r.sourceExcerpt).join("");
    for (const r of regions) expect(names(recText, r.name), r.name).toBe(true);
  });

  it("every region is used by some item, and every item region exists and is named by its excerpt", () => {
    const used = new Set<string>();
    for (const item of [...recommendations, ...actions]) {
      for (const name of item.regions ?? []) {
        used.add(name);
        expect(regionNames.has(name), `${item.code}: unknown region ${name}`).toBe(true);
        expect(names(item.sourceExcerpt, name), `${item.code}: excerpt does not name ${name}`).toBe(true);
      }
    }
    for (const r of regions) expect(used.has(r.name), `region ${r.name} is never used`).toBe(true);
  });

  it("a recommendation lists the regions of its actions", () => {
    for (const r of recommendations) {
      const own = new Set(r.regions ?? []);
      for (const a of r.actions)
        for (const name of a.regions ?? []) expect(own.has(name), `${r.code}: ${name}`).toBe(true);
    }
  });

  it("classifies regions as the brief says", () => {
    const byName = new Map(regions.map((r) => [r.name, r]));
    expect(byName.get("高竹新区")).toMatchObject({ side: "JOINT", kind: "NEW_AREA" });
    for (const d of ["万州", "潼南", "大足", "开州"])
      expect(byName.get(d)).toMatchObject({ side: "CHONGQING", kind: "DISTRICT" });
    for (const c of ["成都", "宜宾", "泸州", "南充", "达州", "遂宁", "资阳", "内江", "广安", "德阳", "眉山"]) {
      expect(byName.get(c), c).toMatchObject({ side: "SICHUAN", kind: "CITY" });
    }
    expect(byName.get("渝东北")).toMatchObject({ side: "CHONGQING", kind: "AREA" });
    expect(byName.get("川东北")).toMatchObject({ side: "SICHUAN", kind: "AREA" });
  });

  it("includes the units the document names as actors", () => {
    const byShort = new Map(units.map((u) => [u.shortName, u]));
    expect(byShort.get("合作办公室")).toMatchObject({
      name: "成渝地区双城经济圈合作办公室",
      side: "JOINT",
      kind: "COORDINATION",
    });
    expect(byShort.get("中央有关部门")).toMatchObject({ side: "NATIONAL" });
    expect(units.find((u) => u.name === "中国科学院")).toMatchObject({ side: "NATIONAL", kind: "INSTITUTION" });
    // 人大 are legislatures; 政协 are consultative conferences (CPPCC), a kind of their own.
    expect(units.filter((u) => u.kind === "LEGISLATURE").map((u) => u.shortName)).toEqual(["四川省人大", "重庆市人大"]);
    expect(units.filter((u) => u.kind === "CONSULTATIVE").map((u) => u.shortName)).toEqual([
      "四川省政协",
      "重庆市政协",
    ]);
    // The short names the text uses are in the source.
    for (const term of [
      "中央有关部门",
      "中国科学院",
      "成渝地区双城经济圈合作办公室",
      "川渝党政联席会议",
      "人大",
      "政协",
    ]) {
      expect(source, term).toContain(term);
    }
  });
});

describe("document seed: named projects are action items", () => {
  const named: [pillar: number, term: string][] = [
    [1, "川南渝西融合发展试验区"],
    [1, "重庆市域副中心城市"],
    [1, "四川经济副中心"],
    [1, "遂宁潼南"],
    [1, "资阳大足"],
    [1, "成渝中部产业聚集区"],
    [2, "重庆沿江承接产业转移示范区"],
    [2, "广安承接产业转移示范区"],
    [2, "第四个证券交易所"],
    [2, "保险业总部"],
    [2, "特高压直流电入川渝工程"],
    [2, "三峡新通道"],
    [2, "国家实验室"],
    [2, "清洁能源资源开发利用试验区"],
    [3, "成渝中线高铁"],
    [3, "成达万高铁"],
    [3, "川藏铁路成都枢纽引入线"],
    [3, "隆黄铁路改造"],
    [3, "黄桶至百色铁路"],
    [3, "嘉陵江利泽航电枢纽"],
    [3, "乌江白马航电枢纽"],
    [3, "世界级机场群"],
    [3, "内陆自由贸易港"],
    [3, "成渝自贸试验区协同开放示范区"],
    [4, "高竹新区"],
    [4, "统计跨省分算"],
    [4, "成德眉资同城化"],
    [4, "税收分享机制"],
    [4, "知识产权质押贷款"],
    [4, "横向生态补偿大数据平台"],
    [5, "合作办公室"],
    [5, "联席会议制度"],
    [5, "工业用地"],
  ];

  it.each(named)("pillar %i has an action for %s", (pillar, term) => {
    const inPillar = actions.filter((a) => a.recommendation.pillar === pillar);
    expect(inPillar.some((a) => a.title.includes(term) || a.sourceExcerpt.includes(term))).toBe(true);
  });

  it("gives each project of a multi-project sentence its own action", () => {
    for (const term of [
      "成渝中线高铁",
      "成达万高铁",
      "川藏铁路成都枢纽引入线",
      "嘉陵江利泽航电枢纽",
      "乌江白马航电枢纽",
    ]) {
      expect(
        actions.filter((a) => a.title === term),
        term,
      ).toHaveLength(1);
    }
  });
});
