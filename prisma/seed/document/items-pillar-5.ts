// Pillar 5 完善执行机制: recommendations and their action items, in text order. The second recommendation
// is split across two columns on the page (source lines 86–101); the excerpts join them.
import type { PillarItemsSeed } from "../types";

const pilotFields =
  "在高新技术产业发展、高新技术改进生产力、工业用地、高水平专业技术人才流动等方面先行先试，最大程度激发发展活力与潜能";

export const pillar5Items: PillarItemsSeed = {
  pillar: 5,
  recommendations: [
    {
      title: "强化财税、投资等政策支持",
      titleEn: "Strengthen fiscal, tax and investment policy support",
      sourceExcerpt:
        "强化财税、投资等政策支持。建议在政策许可的范围内，学习长三角、粤港澳大湾区等地的先进经验，争取财税、投资等各领域的试点，以成熟一批，推广一批的形式，在高新技术产业发展、高新技术改进生产力、工业用地、高水平专业技术人才流动等方面先行先试，最大程度激发发展活力与潜能。",
      actions: [
        {
          title: "争取财税、投资等各领域的试点",
          titleEn: "Seek fiscal, tax and investment pilots, rolled out batch by batch",
          sourceExcerpt:
            "建议在政策许可的范围内，学习长三角、粤港澳大湾区等地的先进经验，争取财税、投资等各领域的试点，以成熟一批，推广一批的形式",
        },
        {
          title: "高新技术产业发展先行先试",
          titleEn: "Pilot: high-tech industry development",
          sourceExcerpt: pilotFields,
        },
        {
          title: "高新技术改进生产力先行先试",
          titleEn: "Pilot: raising productivity with high technology",
          sourceExcerpt: pilotFields,
        },
        {
          title: "工业用地先行先试",
          titleEn: "Pilot: industrial land",
          sourceExcerpt: pilotFields,
        },
        {
          title: "高水平专业技术人才流动先行先试",
          titleEn: "Pilot: mobility of highly skilled professionals",
          sourceExcerpt: pilotFields,
        },
      ],
    },
    {
      title: "持续完善和健全成渝地区协调与工作推进机制",
      titleEn: "Improve the coordination and implementation mechanisms of the Chengdu–Chongqing region",
      sourceExcerpt:
        "持续完善和健全成渝地区协调与工作推进机制。可参照长三角地区组建“成渝地区双城经济圈合作办公室”，作为协调深化成渝地区各行业各领域合作的常设办公机构，全面协调跨省际、跨部门重大事项，争取形成更高层级的联席会议制度，以加强对成渝地区双城经济圈规划编制、体制创新、政策制度、项目安排等方面的指导和支持。同时，可以探索川渝两地人大、政协联合大会定期召开机制，推动人大议案、政协提案的协同立案和联合办理。",
      actions: [
        {
          title: "组建“成渝地区双城经济圈合作办公室”",
          titleEn: "Set up a Chengdu–Chongqing Twin-City Economic Circle Cooperation Office",
          sourceExcerpt:
            "可参照长三角地区组建“成渝地区双城经济圈合作办公室”，作为协调深化成渝地区各行业各领域合作的常设办公机构，全面协调跨省际、跨部门重大事项",
        },
        {
          title: "形成更高层级的联席会议制度",
          titleEn: "A higher-level joint conference system",
          sourceExcerpt:
            "争取形成更高层级的联席会议制度，以加强对成渝地区双城经济圈规划编制、体制创新、政策制度、项目安排等方面的指导和支持",
        },
        {
          title: "川渝两地人大、政协联合大会定期召开机制",
          titleEn: "Regular joint sessions of the two sides' people's congresses and CPPCC committees",
          sourceExcerpt: "可以探索川渝两地人大、政协联合大会定期召开机制",
        },
        {
          title: "人大议案、政协提案的协同立案和联合办理",
          titleEn: "Coordinated filing and joint handling of congress motions and CPPCC proposals",
          sourceExcerpt: "推动人大议案、政协提案的协同立案和联合办理",
        },
      ],
    },
  ],
};
