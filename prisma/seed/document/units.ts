// Organisations the document itself names as actors: the two provincial-level governments (两省市), the
// central departments named in the 规划要求 of pillar 5, 中国科学院 (2.3), the people's congresses and CPPCC
// committees of both sides (5.2), the cooperation office the text proposes (5.2) and the joint conference.
// The CPPCC committees (政协) are consultative conferences, not legislatures (kind CONSULTATIVE).
// Owners beyond these are sample data and live in prisma/seed/sample.
import type { UnitSeed } from "../types";

export const units: UnitSeed[] = [
  { name: "四川省人民政府", shortName: "四川省", side: "SICHUAN", kind: "GOVERNMENT" },
  { name: "重庆市人民政府", shortName: "重庆市", side: "CHONGQING", kind: "GOVERNMENT" },
  { name: "中央有关部门", shortName: "中央有关部门", side: "NATIONAL", kind: "DEPARTMENT" },
  { name: "中国科学院", shortName: "中科院", side: "NATIONAL", kind: "INSTITUTION" },
  {
    name: "四川省人民代表大会常务委员会",
    shortName: "四川省人大",
    side: "SICHUAN",
    kind: "LEGISLATURE",
  },
  {
    name: "重庆市人民代表大会常务委员会",
    shortName: "重庆市人大",
    side: "CHONGQING",
    kind: "LEGISLATURE",
  },
  {
    name: "中国人民政治协商会议四川省委员会",
    shortName: "四川省政协",
    side: "SICHUAN",
    kind: "CONSULTATIVE",
  },
  {
    name: "中国人民政治协商会议重庆市委员会",
    shortName: "重庆市政协",
    side: "CHONGQING",
    kind: "CONSULTATIVE",
  },
  {
    name: "成渝地区双城经济圈合作办公室",
    shortName: "合作办公室",
    side: "JOINT",
    kind: "COORDINATION",
  },
  {
    name: "推动成渝地区双城经济圈建设重庆四川党政联席会议",
    shortName: "川渝党政联席会议",
    side: "JOINT",
    kind: "COORDINATION",
  },
];
