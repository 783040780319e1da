// Pillar 1 优化空间格局: recommendations and their action items, in text order.
import type { PillarItemsSeed } from "../types";

export const pillar1Items: PillarItemsSeed = {
  pillar: 1,
  recommendations: [
    {
      title: "增强“双城”动力源",
      titleEn: "Strengthen the twin cities as growth engines",
      sourceExcerpt:
        "增强“双城”动力源。进一步优化成都和重庆主城区功能布局，持续增强国际门户枢纽城市辐射功能和全球资源汇集配置能力，加快培育发展高质量现代产业集群，全面提升“双核”发展能级和综合竞争力。顺应产业升级、人口流动和空间演进趋势，加快发展壮大成都、重庆两大现代化都市圈，推动两大都市圈良性互动、协调联动、相向发展，适度疏解成都、重庆城市主城区非核心功能，辐射带动周边城市和区县高质量发展。",
      regions: ["成都", "重庆主城区", "重庆"],
      actions: [
        {
          title: "优化成都和重庆主城区功能布局",
          titleEn: "Optimise the functional layout of Chengdu and central Chongqing",
          sourceExcerpt: "进一步优化成都和重庆主城区功能布局",
          regions: ["成都", "重庆主城区"],
        },
        {
          title: "增强国际门户枢纽城市辐射功能和全球资源汇集配置能力",
          titleEn: "Strengthen the reach of the international gateway hub cities and their global resource allocation",
          sourceExcerpt: "持续增强国际门户枢纽城市辐射功能和全球资源汇集配置能力",
        },
        {
          title: "培育发展高质量现代产业集群，提升“双核”发展能级",
          titleEn: "Grow high-quality modern industrial clusters and raise the twin cores' development level",
          sourceExcerpt: "加快培育发展高质量现代产业集群，全面提升“双核”发展能级和综合竞争力",
        },
        {
          title: "发展壮大成都、重庆两大现代化都市圈",
          titleEn: "Grow the Chengdu and Chongqing modern metropolitan areas and their coordinated development",
          sourceExcerpt: "加快发展壮大成都、重庆两大现代化都市圈，推动两大都市圈良性互动、协调联动、相向发展",
          regions: ["成都", "重庆"],
        },
        {
          title: "适度疏解主城区非核心功能",
          titleEn: "Move non-core functions out of the central urban districts to lift surrounding areas",
          sourceExcerpt: "适度疏解成都、重庆城市主城区非核心功能，辐射带动周边城市和区县高质量发展",
          regions: ["成都", "重庆"],
        },
      ],
    },
    {
      title: "提升“两翼”战略地位",
      titleEn: "Raise the strategic standing of the two wings",
      sourceExcerpt:
        "提升“两翼”战略地位。支持宜宾、泸州抢抓西部陆海新通道建设机遇，加快推进长江上游区域中心城市、全国性综合交通枢纽建设，共建双城经济圈南向开放门户，加快建设川南渝西融合发展试验区，建立健全重大政策协同、重点领域协作、市场主体联动机制，鼓励合作共建产业园区、协同承接产业转移，带动双城经济圈南翼跨越发展。支持万州建设重庆市域副中心城市，加大南充、达州组团建设四川经济副中心支持力度，促进万州与达州、开州等周边县区协同发展，探索建立符合高质量发展要求的利益共享机制，推动渝东北、川东北地区一体化发展，带动双城经济圈北翼振兴。",
      regions: ["宜宾", "泸州", "川南", "渝西", "万州", "南充", "达州", "开州", "渝东北", "川东北"],
      actions: [
        {
          title: "宜宾、泸州长江上游区域中心城市建设",
          titleEn: "Build Yibin and Luzhou into regional central cities of the upper Yangtze",
          sourceExcerpt:
            "支持宜宾、泸州抢抓西部陆海新通道建设机遇，加快推进长江上游区域中心城市、全国性综合交通枢纽建设",
          regions: ["宜宾", "泸州"],
        },
        {
          title: "宜宾、泸州全国性综合交通枢纽建设",
          titleEn: "Build Yibin and Luzhou into national comprehensive transport hubs",
          sourceExcerpt:
            "支持宜宾、泸州抢抓西部陆海新通道建设机遇，加快推进长江上游区域中心城市、全国性综合交通枢纽建设",
          regions: ["宜宾", "泸州"],
        },
        {
          title: "共建双城经济圈南向开放门户",
          titleEn: "Jointly build the circle's southward opening gateway",
          sourceExcerpt:
            "支持宜宾、泸州抢抓西部陆海新通道建设机遇，加快推进长江上游区域中心城市、全国性综合交通枢纽建设，共建双城经济圈南向开放门户",
          regions: ["宜宾", "泸州"],
        },
        {
          title: "川南渝西融合发展试验区",
          titleEn: "Southern Sichuan–Western Chongqing integrated development pilot zone",
          sourceExcerpt: "加快建设川南渝西融合发展试验区",
          regions: ["川南", "渝西"],
        },
        {
          title: "重大政策协同、重点领域协作、市场主体联动机制",
          titleEn: "Mechanisms for policy coordination, sector cooperation and linkage of market players",
          sourceExcerpt: "建立健全重大政策协同、重点领域协作、市场主体联动机制",
        },
        {
          title: "合作共建产业园区",
          titleEn: "Jointly build industrial parks",
          sourceExcerpt: "鼓励合作共建产业园区、协同承接产业转移",
        },
        {
          title: "协同承接产业转移",
          titleEn: "Take in relocated industry in coordination",
          sourceExcerpt: "鼓励合作共建产业园区、协同承接产业转移，带动双城经济圈南翼跨越发展",
        },
        {
          title: "支持万州建设重庆市域副中心城市",
          titleEn: "Build Wanzhou into a sub-centre city of Chongqing",
          sourceExcerpt: "支持万州建设重庆市域副中心城市",
          regions: ["万州"],
        },
        {
          title: "南充、达州组团建设四川经济副中心",
          titleEn: "Build Nanchong and Dazhou as a cluster into an economic sub-centre of Sichuan",
          sourceExcerpt: "加大南充、达州组团建设四川经济副中心支持力度",
          regions: ["南充", "达州"],
        },
        {
          title: "万州与达州、开州等周边县区协同发展",
          titleEn: "Coordinated development of Wanzhou with Dazhou, Kaizhou and neighbouring counties",
          sourceExcerpt: "促进万州与达州、开州等周边县区协同发展",
          regions: ["万州", "达州", "开州"],
        },
        {
          title: "利益共享机制",
          titleEn: "Benefit-sharing mechanism",
          sourceExcerpt: "探索建立符合高质量发展要求的利益共享机制",
        },
        {
          title: "渝东北、川东北地区一体化发展",
          titleEn: "Integrated development of northeast Chongqing and northeast Sichuan",
          sourceExcerpt: "推动渝东北、川东北地区一体化发展，带动双城经济圈北翼振兴",
          regions: ["渝东北", "川东北"],
        },
      ],
    },
    {
      title: "强化“极点”支撑",
      titleEn: "Strengthen the support of the growth poles",
      sourceExcerpt:
        "强化“极点”支撑。以南充、遂宁、潼南、资阳、内江为重点，着力破解发展动力不足、“双核”辐射带动作用不彰的困局，加快补齐中部地区“短板”，强化成渝地区双城经济圈次级支撑。大力推动遂宁潼南、资阳大足等一体化发展，加强机场、轨道等交通基础设施布局，搭建川渝毗邻地区产业合作发展平台，主动承接成渝地区和东部沿海发达地区产业转移，强化为成渝“双核”配套服务功能，建设成渝中部产业聚集区。支持具备一定合作基础的邻近市（县、区）抱团发展，大力发展县域经济，促进县城（县级市城区）完善基础设施，增强要素承载能力，壮大市场规模，集聚更多人口，推进形成多极点共同支撑双城经济圈的新格局。",
      regions: ["南充", "遂宁", "潼南", "资阳", "内江", "大足", "成渝中部"],
      actions: [
        {
          title: "以南充、遂宁、潼南、资阳、内江为重点补齐中部地区“短板”",
          titleEn: "Close the central region's gaps, focusing on Nanchong, Suining, Tongnan, Ziyang and Neijiang",
          sourceExcerpt:
            "以南充、遂宁、潼南、资阳、内江为重点，着力破解发展动力不足、“双核”辐射带动作用不彰的困局，加快补齐中部地区“短板”，强化成渝地区双城经济圈次级支撑",
          regions: ["南充", "遂宁", "潼南", "资阳", "内江"],
        },
        {
          title: "遂宁潼南一体化发展",
          titleEn: "Suining–Tongnan integration",
          sourceExcerpt: "大力推动遂宁潼南、资阳大足等一体化发展",
          regions: ["遂宁", "潼南"],
        },
        {
          title: "资阳大足一体化发展",
          titleEn: "Ziyang–Dazu integration",
          sourceExcerpt: "大力推动遂宁潼南、资阳大足等一体化发展",
          regions: ["资阳", "大足"],
        },
        {
          title: "加强机场、轨道等交通基础设施布局",
          titleEn: "Airports, rail and other transport infrastructure for the central poles",
          sourceExcerpt: "加强机场、轨道等交通基础设施布局",
        },
        {
          title: "川渝毗邻地区产业合作发展平台",
          titleEn: "Industrial cooperation platforms in Sichuan–Chongqing border areas",
          sourceExcerpt: "搭建川渝毗邻地区产业合作发展平台",
        },
        {
          title: "承接成渝地区和东部沿海发达地区产业转移",
          titleEn: "Take in industry relocating from the twin cities and the eastern coast",
          sourceExcerpt: "主动承接成渝地区和东部沿海发达地区产业转移",
        },
        {
          title: "强化为成渝“双核”配套服务功能",
          titleEn: "Strengthen supporting services for the Chengdu and Chongqing cores",
          sourceExcerpt: "强化为成渝“双核”配套服务功能",
        },
        {
          title: "成渝中部产业聚集区",
          titleEn: "Central Chengdu–Chongqing industrial cluster zone",
          sourceExcerpt: "建设成渝中部产业聚集区",
          regions: ["成渝中部"],
        },
        {
          title: "邻近市（县、区）抱团发展",
          titleEn: "Joint development of neighbouring cities, counties and districts",
          sourceExcerpt: "支持具备一定合作基础的邻近市（县、区）抱团发展",
        },
        {
          title: "大力发展县域经济",
          titleEn: "Develop county economies",
          sourceExcerpt: "大力发展县域经济",
        },
        {
          title: "县城（县级市城区）完善基础设施",
          titleEn: "Improve infrastructure and capacity of county towns",
          sourceExcerpt: "促进县城（县级市城区）完善基础设施，增强要素承载能力，壮大市场规模，集聚更多人口",
        },
      ],
    },
  ],
};
