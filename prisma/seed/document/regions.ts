// Places inside the twin-city economic circle that the recommendation paragraphs name, spelled as in the
// text. 德阳 and 眉山 are written in the source only as the abbreviation 成德眉资 (成都、德阳、眉山、资阳).
// Places outside the circle (广东, 浙江, 西藏, 北京 …), provinces and rivers are not regions here.
import type { RegionSeed } from "../types";

export const regions: RegionSeed[] = [
  // Core cities and their metropolitan areas
  { name: "成都", side: "SICHUAN", kind: "CITY" },
  { name: "重庆", side: "CHONGQING", kind: "CITY" },
  { name: "重庆主城区", side: "CHONGQING", kind: "AREA" },
  { name: "成都都市圈", side: "SICHUAN", kind: "AREA" },
  { name: "重庆都市圈", side: "CHONGQING", kind: "AREA" },
  { name: "德阳", side: "SICHUAN", kind: "CITY" },
  { name: "眉山", side: "SICHUAN", kind: "CITY" },
  // Southern wing
  { name: "宜宾", side: "SICHUAN", kind: "CITY" },
  { name: "泸州", side: "SICHUAN", kind: "CITY" },
  { name: "川南", side: "SICHUAN", kind: "AREA" },
  { name: "渝西", side: "CHONGQING", kind: "AREA" },
  // Northern wing
  { name: "万州", side: "CHONGQING", kind: "DISTRICT" },
  { name: "南充", side: "SICHUAN", kind: "CITY" },
  { name: "达州", side: "SICHUAN", kind: "CITY" },
  { name: "开州", side: "CHONGQING", kind: "DISTRICT" },
  { name: "渝东北", side: "CHONGQING", kind: "AREA" },
  { name: "川东北", side: "SICHUAN", kind: "AREA" },
  // Central "poles"
  { name: "遂宁", side: "SICHUAN", kind: "CITY" },
  { name: "潼南", side: "CHONGQING", kind: "DISTRICT" },
  { name: "资阳", side: "SICHUAN", kind: "CITY" },
  { name: "内江", side: "SICHUAN", kind: "CITY" },
  { name: "大足", side: "CHONGQING", kind: "DISTRICT" },
  { name: "成渝中部", side: "JOINT", kind: "AREA" },
  // Border area and new areas
  { name: "广安", side: "SICHUAN", kind: "CITY" },
  { name: "高竹新区", side: "JOINT", kind: "NEW_AREA" },
  { name: "两江新区", side: "CHONGQING", kind: "NEW_AREA" },
  { name: "天府新区", side: "SICHUAN", kind: "NEW_AREA" },
];
