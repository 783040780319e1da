// Where each region of the database sits on the dashboard map, in terms of the outlines in boundaries.json
// (prefectures of Sichuan, districts and counties of Chongqing; names as the data spells them, which predates
// 梁平/武隆 becoming districts). The groupings are the published ones; lib/map/SOURCE.md cites them.
//
//   shape   the region is one outline of the data: drawn filled in its colour
//   group   the region is made of several outlines (a metropolitan area, a wing, the whole municipality):
//           a marker at the centre of those outlines, which are highlighted when the marker has focus
//   border  a new area that straddles the boundary between two outlines: a marker on their shared border
//   within  a new area inside some outlines, with no boundary of its own in the data: a marker at their centre

export type PlaceSpec =
  | { type: "shape"; feature: string }
  | { type: "group"; features: readonly string[] }
  | { type: "border"; features: readonly [string, string]; within: readonly string[] }
  | { type: "within"; features: readonly string[] };

const CENTRAL_9 = ["渝中区", "大渡口区", "江北区", "沙坪坝区", "九龙坡区", "南岸区", "北碚区", "渝北区", "巴南区"];
// 主城新区: with the central nine, the 21 districts of 重庆主城都市区
const NEW_12 = [
  "涪陵区",
  "长寿区",
  "江津区",
  "合川区",
  "永川区",
  "南川区",
  "綦江区",
  "大足区",
  "璧山区",
  "铜梁区",
  "潼南区",
  "荣昌区",
];

/** Keyed by the region's name as the document seed spells it (prisma/seed/document/regions.ts). */
export const PLACES: Readonly<Record<string, PlaceSpec>> = {
  成都: { type: "shape", feature: "成都市" },
  德阳: { type: "shape", feature: "德阳市" },
  眉山: { type: "shape", feature: "眉山市" },
  资阳: { type: "shape", feature: "资阳市" },
  遂宁: { type: "shape", feature: "遂宁市" },
  内江: { type: "shape", feature: "内江市" },
  南充: { type: "shape", feature: "南充市" },
  达州: { type: "shape", feature: "达州市" },
  广安: { type: "shape", feature: "广安市" },
  宜宾: { type: "shape", feature: "宜宾市" },
  泸州: { type: "shape", feature: "泸州市" },
  万州: { type: "shape", feature: "万州区" },
  开州: { type: "shape", feature: "开州区" },
  潼南: { type: "shape", feature: "潼南区" },
  大足: { type: "shape", feature: "大足区" },
  // the whole municipality: filled in by layout from every Chongqing outline
  重庆: { type: "group", features: [] },
  重庆主城区: { type: "group", features: CENTRAL_9 },
  // 《重庆都市圈发展规划》: the 21 districts of 主城都市区 and 广安市
  重庆都市圈: { type: "group", features: [...CENTRAL_9, ...NEW_12, "广安市"] },
  // 《成都都市圈发展规划》: 成德眉资
  成都都市圈: { type: "group", features: ["成都市", "德阳市", "眉山市", "资阳市"] },
  // 川南经济区
  川南: { type: "group", features: ["自贡市", "泸州市", "内江市", "宜宾市"] },
  // 川东北经济区
  川东北: { type: "group", features: ["广元市", "南充市", "广安市", "达州市", "巴中市"] },
  // 渝西地区 (the eight western districts)
  渝西: { type: "group", features: ["江津区", "合川区", "永川区", "大足区", "璧山区", "铜梁区", "潼南区", "荣昌区"] },
  // 渝东北三峡库区城镇群
  渝东北: {
    type: "group",
    features: [
      "万州区",
      "开州区",
      "梁平县",
      "城口县",
      "丰都县",
      "垫江县",
      "忠县",
      "云阳县",
      "奉节县",
      "巫山县",
      "巫溪县",
    ],
  },
  // the places the paragraph that names 成渝中部 (强化“极点”支撑) lists
  成渝中部: { type: "group", features: ["南充市", "遂宁市", "资阳市", "内江市", "潼南区", "大足区"] },
  // 川渝高竹新区: 邻水县 (广安) and 渝北区 on either side of their common boundary
  高竹新区: { type: "border", features: ["广安市", "渝北区"], within: ["广安市", "渝北区"] },
  // 天府新区: parts of 成都 and 眉山 (彭山, 仁寿) astride their common boundary
  天府新区: { type: "border", features: ["成都市", "眉山市"], within: ["成都市", "眉山市"] },
  // 两江新区: parts of 江北, 渝北 and 北碚
  两江新区: { type: "within", features: ["江北区", "渝北区", "北碚区"] },
};
