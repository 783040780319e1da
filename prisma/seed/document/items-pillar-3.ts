// Pillar 3 建强开放高地: recommendations and their action items, in text order.
import type { PillarItemsSeed } from "../types";

const railProjects = "加快推进成渝中线高铁、成达万高铁、川藏铁路成都枢纽引入线等铁路项目建设";
const railCoordination = "协同推进川藏铁路建设、隆黄铁路改造、黄桶至百色铁路建设";
const navigationHubs = "持续推进嘉陵江利泽航电枢纽、乌江白马航电枢纽建设";
const majorPlatforms = "做大做强自由贸易试验区、天府新区、两江新区、综合保税区等重大开放平台";
const highLevelPlatforms = "加快建设“一带一路”进出口商品集散中心、金融服务中心、对外交往中心等高能级开放平台";

export const pillar3Items: PillarItemsSeed = {
  pillar: 3,
  recommendations: [
    {
      title: "加快完善对外开放大通道建设",
      titleEn: "Complete the major corridors for opening up",
      sourceExcerpt:
        "加快完善对外开放大通道建设。加快推进成渝中线高铁、成达万高铁、川藏铁路成都枢纽引入线等铁路项目建设，协同推进川藏铁路建设、隆黄铁路改造、黄桶至百色铁路建设，推动成渝铁路扩能改造，构建“四向八廊”出川铁路大通道，合力建设西部陆海新通道。进一步完善亚欧通道，优化畅通东向开放通道。强化西向、南向通道，加快建设和完善提升若干通江达海抵边的对外客货运输战略大通道。大力推进成渝地区“空中走廊”建设，加强现代航空设施（机场）建设、增强客货吞吐能力、增加国际国内航空线路，共建引领内陆开放的世界级机场群，推动成渝地区更好融入全球经济体系。提升长江黄金水道通行能力，持续推进嘉陵江利泽航电枢纽、乌江白马航电枢纽建设，开展长江上游干支航道整治和梯级渠化，全面畅通岷江、嘉陵江、乌江、渠江等航道，加快启动三峡枢纽瓶颈制约方案前期研究论证工作。",
      regions: ["成都"],
      actions: [
        {
          title: "成渝中线高铁",
          titleEn: "Chengdu–Chongqing Central High-Speed Railway",
          sourceExcerpt: railProjects,
        },
        {
          title: "成达万高铁",
          titleEn: "Chengdu–Dazhou–Wanzhou High-Speed Railway",
          sourceExcerpt: railProjects,
        },
        {
          title: "川藏铁路成都枢纽引入线",
          titleEn: "Sichuan–Tibet Railway connecting line into the Chengdu hub",
          sourceExcerpt: railProjects,
          regions: ["成都"],
        },
        {
          title: "川藏铁路建设",
          titleEn: "Sichuan–Tibet Railway",
          sourceExcerpt: railCoordination,
        },
        {
          title: "隆黄铁路改造",
          titleEn: "Longchang–Huangtong Railway upgrade",
          sourceExcerpt: railCoordination,
        },
        {
          title: "黄桶至百色铁路建设",
          titleEn: "Huangtong–Baise Railway",
          sourceExcerpt: railCoordination,
        },
        {
          title: "成渝铁路扩能改造",
          titleEn: "Chengdu–Chongqing Railway capacity upgrade",
          sourceExcerpt: "推动成渝铁路扩能改造",
        },
        {
          title: "“四向八廊”出川铁路大通道",
          titleEn: "“Four directions, eight corridors” rail routes out of Sichuan",
          sourceExcerpt: "构建“四向八廊”出川铁路大通道",
        },
        {
          title: "合力建设西部陆海新通道",
          titleEn: "New Western Land-Sea Corridor",
          sourceExcerpt: "合力建设西部陆海新通道",
        },
        {
          title: "完善亚欧通道",
          titleEn: "Improve the Asia–Europe corridor",
          sourceExcerpt: "进一步完善亚欧通道",
        },
        {
          title: "优化畅通东向开放通道",
          titleEn: "Improve the eastward corridor",
          sourceExcerpt: "优化畅通东向开放通道",
        },
        {
          title: "强化西向、南向通道",
          titleEn: "Strengthen the westward and southward corridors",
          sourceExcerpt: "强化西向、南向通道",
        },
        {
          title: "通江达海抵边的对外客货运输战略大通道",
          titleEn: "Strategic passenger and freight corridors to rivers, seas and borders",
          sourceExcerpt: "加快建设和完善提升若干通江达海抵边的对外客货运输战略大通道",
        },
        {
          title: "成渝地区“空中走廊”建设",
          titleEn: "Chengdu–Chongqing “air corridor”",
          sourceExcerpt: "大力推进成渝地区“空中走廊”建设",
        },
        {
          title: "加强现代航空设施（机场）建设、增强客货吞吐能力",
          titleEn: "Modern airport facilities and passenger/freight capacity",
          sourceExcerpt: "加强现代航空设施（机场）建设、增强客货吞吐能力",
        },
        {
          title: "增加国际国内航空线路",
          titleEn: "More international and domestic air routes",
          sourceExcerpt: "增加国际国内航空线路",
        },
        {
          title: "世界级机场群",
          titleEn: "World-class airport cluster leading inland opening-up",
          sourceExcerpt: "共建引领内陆开放的世界级机场群，推动成渝地区更好融入全球经济体系",
        },
        {
          title: "提升长江黄金水道通行能力",
          titleEn: "Raise the navigation capacity of the Yangtze golden waterway",
          sourceExcerpt: "提升长江黄金水道通行能力",
        },
        {
          title: "嘉陵江利泽航电枢纽",
          titleEn: "Lize navigation and power hub on the Jialing River",
          sourceExcerpt: navigationHubs,
        },
        {
          title: "乌江白马航电枢纽",
          titleEn: "Baima navigation and power hub on the Wu River",
          sourceExcerpt: navigationHubs,
        },
        {
          title: "长江上游干支航道整治和梯级渠化",
          titleEn: "Regulation and cascade canalisation of upper-Yangtze main and tributary channels",
          sourceExcerpt: "开展长江上游干支航道整治和梯级渠化",
        },
        {
          title: "全面畅通岷江、嘉陵江、乌江、渠江等航道",
          titleEn: "Open up the Min, Jialing, Wu and Qu river waterways",
          sourceExcerpt: "全面畅通岷江、嘉陵江、乌江、渠江等航道",
        },
        {
          title: "三峡枢纽瓶颈制约方案前期研究论证",
          titleEn: "Preliminary study on relieving the Three Gorges bottleneck",
          sourceExcerpt: "加快启动三峡枢纽瓶颈制约方案前期研究论证工作",
        },
      ],
    },
    {
      title: "打造高水平开放平台",
      titleEn: "Build high-level opening-up platforms",
      sourceExcerpt:
        "打造高水平开放平台。做大做强自由贸易试验区、天府新区、两江新区、综合保税区等重大开放平台，加快建设“一带一路”进出口商品集散中心、金融服务中心、对外交往中心等高能级开放平台，联合打造内陆国际物流枢纽和口岸高地。探索设立内陆自由贸易港，推动建设成渝自贸试验区协同开放示范区，加强制度对接、产业协同、平台共建，探索内陆自贸试验区深化改革、扩大开放的新模式、新途径。",
      regions: ["天府新区", "两江新区"],
      actions: [
        {
          title: "做大做强自由贸易试验区",
          titleEn: "Pilot free trade zones",
          sourceExcerpt: majorPlatforms,
        },
        {
          title: "做大做强天府新区",
          titleEn: "Tianfu New Area as an opening-up platform",
          sourceExcerpt: majorPlatforms,
          regions: ["天府新区"],
        },
        {
          title: "做大做强两江新区",
          titleEn: "Liangjiang New Area as an opening-up platform",
          sourceExcerpt: majorPlatforms,
          regions: ["两江新区"],
        },
        {
          title: "做大做强综合保税区",
          titleEn: "Comprehensive bonded zones",
          sourceExcerpt: majorPlatforms,
        },
        {
          title: "“一带一路”进出口商品集散中心",
          titleEn: "Belt and Road import and export commodity distribution centre",
          sourceExcerpt: highLevelPlatforms,
        },
        {
          title: "金融服务中心（高能级开放平台）",
          titleEn: "Financial services centre (a high-level opening-up platform)",
          sourceExcerpt: highLevelPlatforms,
        },
        {
          title: "对外交往中心（高能级开放平台）",
          titleEn: "International exchange centre (a high-level opening-up platform)",
          sourceExcerpt: highLevelPlatforms,
        },
        {
          title: "内陆国际物流枢纽和口岸高地",
          titleEn: "Inland international logistics hub and port highland",
          sourceExcerpt: "联合打造内陆国际物流枢纽和口岸高地",
        },
        {
          title: "探索设立内陆自由贸易港",
          titleEn: "Explore an inland free trade port",
          sourceExcerpt: "探索设立内陆自由贸易港",
        },
        {
          title: "成渝自贸试验区协同开放示范区",
          titleEn: "Chengdu–Chongqing pilot FTZ coordinated opening-up demonstration zone",
          sourceExcerpt:
            "推动建设成渝自贸试验区协同开放示范区，加强制度对接、产业协同、平台共建，探索内陆自贸试验区深化改革、扩大开放的新模式、新途径",
        },
      ],
    },
  ],
};
