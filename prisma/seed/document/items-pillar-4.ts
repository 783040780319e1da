// Pillar 4 创机遇开新局: recommendations and their action items, in text order.
import type { PillarItemsSeed } from "../types";

const keyFieldReforms = "深入推进跨省域税费征管、用地保障等重点领域改革事项";
const crossProvinceMechanisms = "加快建立跨省项目统一授权审批、创新统计跨省分算方式、跨省域环境共建共管等机制";
const gaozhuPolicies =
  "高竹新区是川渝两省市共同批准设立的第一个新区，两省市要联合出台相关政策，赋予更大的发展改革自主权";
const sameCityFocus = "以成德眉资同城化和重庆主城区与渝西地区同城化为重点，强化空间一体、制度同一、系统融合";
const keySystemReforms =
  "在推进知识产权质押贷款、数据价值第三方评估、技术成果转让市场培育等关键制度改革方面，成渝地区要争取先行先试";

export const pillar4Items: PillarItemsSeed = {
  pillar: 4,
  recommendations: [
    {
      title: "持续推进行政区与经济区适度分离的改革",
      titleEn: "Continue the reform separating administrative and economic areas",
      sourceExcerpt:
        "持续推进行政区与经济区适度分离的改革。深入推进跨省域税费征管、用地保障等重点领域改革事项，向国家争取下放部分省级行政审批权限，加快建立跨省项目统一授权审批、创新统计跨省分算方式、跨省域环境共建共管等机制。高竹新区是川渝两省市共同批准设立的第一个新区，两省市要联合出台相关政策，赋予更大的发展改革自主权，消除新区举债、用地、用能、税费等政策差异，将川渝高竹新区发展纳入考核，督促支持高竹新区改革创新发展的政策措施全面落地见效。赋予广安等毗邻地区亟需的部分省市级经济管理权限，在交通通道建设、生产要素保障上匹配与都市圈相适应的支持措施。以成德眉资同城化和重庆主城区与渝西地区同城化为重点，强化空间一体、制度同一、系统融合，统筹规划基础设施建设、产业发展、生态环境保护，创新经济管理方式，建立互利共赢的税收分享机制，提升成都都市圈、重庆都市圈整体竞争力。",
      regions: ["高竹新区", "广安", "成都", "德阳", "眉山", "资阳", "重庆主城区", "渝西", "成都都市圈", "重庆都市圈"],
      actions: [
        {
          title: "跨省域税费征管改革",
          titleEn: "Cross-provincial tax and fee administration reform",
          sourceExcerpt: keyFieldReforms,
        },
        {
          title: "用地保障改革",
          titleEn: "Land supply guarantee reform",
          sourceExcerpt: keyFieldReforms,
        },
        {
          title: "向国家争取下放部分省级行政审批权限",
          titleEn: "Seek delegation of some provincial-level administrative approval powers",
          sourceExcerpt: "向国家争取下放部分省级行政审批权限",
        },
        {
          title: "跨省项目统一授权审批机制",
          titleEn: "Unified authorisation and approval of cross-provincial projects",
          sourceExcerpt: crossProvinceMechanisms,
        },
        {
          title: "创新统计跨省分算方式",
          titleEn: "New method for splitting statistics across provinces",
          sourceExcerpt: crossProvinceMechanisms,
        },
        {
          title: "跨省域环境共建共管机制",
          titleEn: "Joint cross-provincial environmental building and management",
          sourceExcerpt: crossProvinceMechanisms,
        },
        {
          title: "两省市联合出台相关政策，赋予高竹新区更大的发展改革自主权",
          titleEn: "Sichuan and Chongqing jointly issue policies giving the Gaozhu New Area greater reform autonomy",
          sourceExcerpt: gaozhuPolicies,
          regions: ["高竹新区"],
        },
        {
          title: "消除高竹新区举债、用地、用能、税费等政策差异",
          titleEn: "Remove policy differences on borrowing, land, energy and taxes in the Gaozhu New Area",
          sourceExcerpt: `${gaozhuPolicies}，消除新区举债、用地、用能、税费等政策差异`,
          regions: ["高竹新区"],
        },
        {
          title: "川渝高竹新区发展纳入考核",
          titleEn: "Include the Gaozhu New Area in performance assessment and enforce its support policies",
          sourceExcerpt: "将川渝高竹新区发展纳入考核，督促支持高竹新区改革创新发展的政策措施全面落地见效",
          regions: ["高竹新区"],
        },
        {
          title: "赋予广安等毗邻地区部分省市级经济管理权限",
          titleEn:
            "Provincial-level economic management powers and matching support for Guang'an and other border areas",
          sourceExcerpt:
            "赋予广安等毗邻地区亟需的部分省市级经济管理权限，在交通通道建设、生产要素保障上匹配与都市圈相适应的支持措施",
          regions: ["广安"],
        },
        {
          title: "成德眉资同城化",
          titleEn: "Chengdu–Deyang–Meishan–Ziyang integration",
          sourceExcerpt: sameCityFocus,
          regions: ["成都", "德阳", "眉山", "资阳"],
        },
        {
          title: "重庆主城区与渝西地区同城化",
          titleEn: "Integration of central Chongqing and western Chongqing",
          sourceExcerpt: sameCityFocus,
          regions: ["重庆主城区", "渝西"],
        },
        {
          title: "统筹规划基础设施建设、产业发展、生态环境保护",
          titleEn: "Joint planning of infrastructure, industry and environmental protection",
          sourceExcerpt: "统筹规划基础设施建设、产业发展、生态环境保护",
        },
        {
          title: "创新经济管理方式",
          titleEn: "New ways of economic management",
          sourceExcerpt: "创新经济管理方式",
        },
        {
          title: "互利共赢的税收分享机制",
          titleEn: "Mutually beneficial tax-sharing mechanism",
          sourceExcerpt: "建立互利共赢的税收分享机制，提升成都都市圈、重庆都市圈整体竞争力",
          regions: ["成都都市圈", "重庆都市圈"],
        },
      ],
    },
    {
      title: "大力推进生产要素和生态保护领域改革",
      titleEn: "Push reform of production factors and ecological protection",
      sourceExcerpt:
        "大力推进生产要素和生态保护领域改革。在先进生产要素的市场准入上逐步消除人才、技术、管理等生产要素在成渝地区双向流动的政策障碍。在推进知识产权质押贷款、数据价值第三方评估、技术成果转让市场培育等关键制度改革方面，成渝地区要争取先行先试。推进长江、嘉陵江、涪江等川渝境内重要江河流域共同保护与治理，完善流域的生态补偿机制，建立上下游一体化的水环境监管、监测、突发环境应急联动机制。争取国家尽早出台长江流域生态补偿办法，搭建横向生态补偿大数据平台，推动形成各界共同参与的生态补偿投融资机制，根据生态保护收益、生态修复成本、支付意愿等科学合理确定生态补偿标准。",
      actions: [
        {
          title: "消除人才、技术、管理等生产要素双向流动的政策障碍",
          titleEn: "Remove barriers to two-way flows of talent, technology and management",
          sourceExcerpt: "在先进生产要素的市场准入上逐步消除人才、技术、管理等生产要素在成渝地区双向流动的政策障碍",
        },
        {
          title: "知识产权质押贷款",
          titleEn: "Intellectual-property pledge loans",
          sourceExcerpt: keySystemReforms,
        },
        {
          title: "数据价值第三方评估",
          titleEn: "Third-party valuation of data",
          sourceExcerpt: keySystemReforms,
        },
        {
          title: "技术成果转让市场培育",
          titleEn: "Market for the transfer of technology results",
          sourceExcerpt: keySystemReforms,
        },
        {
          title: "长江、嘉陵江、涪江等流域共同保护与治理",
          titleEn: "Joint protection and governance of the Yangtze, Jialing, Fu and other river basins",
          sourceExcerpt: "推进长江、嘉陵江、涪江等川渝境内重要江河流域共同保护与治理",
        },
        {
          title: "完善流域的生态补偿机制",
          titleEn: "River-basin ecological compensation mechanism",
          sourceExcerpt: "完善流域的生态补偿机制",
        },
        {
          title: "上下游一体化的水环境监管、监测、突发环境应急联动机制",
          titleEn: "Integrated upstream–downstream water supervision, monitoring and emergency response",
          sourceExcerpt: "建立上下游一体化的水环境监管、监测、突发环境应急联动机制",
        },
        {
          title: "争取国家尽早出台长江流域生态补偿办法",
          titleEn: "National Yangtze basin ecological compensation rules",
          sourceExcerpt: "争取国家尽早出台长江流域生态补偿办法",
        },
        {
          title: "横向生态补偿大数据平台",
          titleEn: "Big-data platform for horizontal ecological compensation",
          sourceExcerpt: "搭建横向生态补偿大数据平台",
        },
        {
          title: "各界共同参与的生态补偿投融资机制",
          titleEn: "Ecological compensation investment and financing mechanism",
          sourceExcerpt: "推动形成各界共同参与的生态补偿投融资机制",
        },
        {
          title: "科学合理确定生态补偿标准",
          titleEn: "Ecological compensation standards",
          sourceExcerpt: "根据生态保护收益、生态修复成本、支付意愿等科学合理确定生态补偿标准",
        },
      ],
    },
  ],
};
