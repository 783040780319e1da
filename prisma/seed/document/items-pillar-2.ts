// Pillar 2 建体系育集群: recommendations and their action items, in text order.
// The pillar's 工作建议 speaks of 五个方面 but the text carries only four recommendations; none is invented.
import type { PillarItemsSeed } from "../types";

// One sentence: the resources to focus on, the corridors to use, and the bases and reserve centres to build.
const strategicResourceBases =
  "聚焦成渝地区钒、钛、稀土、锂、钾、锰等战略资源优势，充分发挥西部陆海新通道、中欧班列、长江黄金水道作用，立足全球配置资源，在成渝地区双城经济圈布局国家级战略资源开发生产基地、储备中心";

export const pillar2Items: PillarItemsSeed = {
  pillar: 2,
  recommendations: [
    {
      title: "建设国家战略产业备份基地",
      titleEn: "Build a national backup base for strategic industries",
      sourceExcerpt:
        "建设国家战略产业备份基地。聚焦电子信息、航空航天、轨道交通、汽车、装备制造、先进材料、特色消费品、大健康等领域，在成渝地区前瞻部署一批政府主导类重大平台和重大工程，积极引导中央企业和国内头部企业重大生产力在成渝地区布局。推动两江新区、天府新区及川渝两地国家级高新区、国家级经济技术开发区等重要产业发展平台的协同合作，支持川渝省市级高新区、经开区升级为国家级高新区、经开区，推动川渝两地协同打造先进制造业集群。",
      regions: ["两江新区", "天府新区"],
      actions: [
        {
          title: "前瞻部署一批政府主导类重大平台和重大工程",
          titleEn: "Government-led major platforms and projects in eight strategic industries",
          sourceExcerpt:
            "聚焦电子信息、航空航天、轨道交通、汽车、装备制造、先进材料、特色消费品、大健康等领域，在成渝地区前瞻部署一批政府主导类重大平台和重大工程",
        },
        {
          title: "引导中央企业和国内头部企业重大生产力布局",
          titleEn: "Attract major production capacity of central SOEs and leading domestic firms",
          sourceExcerpt: "积极引导中央企业和国内头部企业重大生产力在成渝地区布局",
        },
        {
          title: "两江新区、天府新区及国家级高新区、经开区协同合作",
          titleEn: "Cooperation of Liangjiang, Tianfu and the national high-tech and economic development zones",
          sourceExcerpt:
            "推动两江新区、天府新区及川渝两地国家级高新区、国家级经济技术开发区等重要产业发展平台的协同合作",
          regions: ["两江新区", "天府新区"],
        },
        {
          title: "省市级高新区、经开区升级为国家级",
          titleEn: "Upgrade provincial high-tech and economic development zones to national level",
          sourceExcerpt: "支持川渝省市级高新区、经开区升级为国家级高新区、经开区",
        },
        {
          title: "协同打造先进制造业集群",
          titleEn: "Jointly build advanced manufacturing clusters",
          sourceExcerpt: "推动川渝两地协同打造先进制造业集群",
        },
      ],
    },
    {
      title: "打造内陆承接产业转移新高地",
      titleEn: "Build a new inland highland for taking in relocated industry",
      sourceExcerpt:
        "打造内陆承接产业转移新高地。依托川渝两地国家级开发区、重庆沿江承接产业转移示范区、广安承接产业转移示范区等平台，聚焦成渝地区产业链短板和空白领域环节，精准化、集群化、链条式承接国内外先进制造业，尤其是东部沿海地区产业转移。充分利用好东西部产业承接合作机制，创新全链转移、部分转移和“两头在外”的加工贸易转移等模式，积极承接广东、浙江、江苏和山东等东部发达地区产业转移。营造一流的营商环境，吸引战略性龙头企业向成渝地区布局。积极争取重大金融基础设施、重要金融机构在成渝地区布局，推动证券、期货类新型全国性创新型交易所布局川渝，推进全国性证券交易所在成渝地区设立分中心、备份中心，争取我国第四个证券交易所落户成渝地区。大力争取北京非首都功能项目向成渝地区转移布局，推动保险业总部落户川渝。",
      regions: ["重庆", "广安"],
      actions: [
        {
          title: "依托国家级开发区承接产业转移",
          titleEn: "Use the national development zones to take in advanced manufacturing",
          sourceExcerpt:
            "依托川渝两地国家级开发区、重庆沿江承接产业转移示范区、广安承接产业转移示范区等平台，聚焦成渝地区产业链短板和空白领域环节，精准化、集群化、链条式承接国内外先进制造业，尤其是东部沿海地区产业转移",
        },
        {
          title: "重庆沿江承接产业转移示范区",
          titleEn: "Chongqing riverside demonstration zone for industrial relocation",
          sourceExcerpt: "依托川渝两地国家级开发区、重庆沿江承接产业转移示范区、广安承接产业转移示范区等平台",
          regions: ["重庆"],
        },
        {
          title: "广安承接产业转移示范区",
          titleEn: "Guang'an demonstration zone for industrial relocation",
          sourceExcerpt: "依托川渝两地国家级开发区、重庆沿江承接产业转移示范区、广安承接产业转移示范区等平台",
          regions: ["广安"],
        },
        {
          title: "利用东西部产业承接合作机制",
          titleEn: "Use the east–west industrial transfer cooperation mechanism",
          sourceExcerpt: "充分利用好东西部产业承接合作机制",
        },
        {
          title: "创新全链转移、部分转移和“两头在外”加工贸易转移模式",
          titleEn: "New transfer models: whole-chain, partial and processing-trade relocation",
          sourceExcerpt: "创新全链转移、部分转移和“两头在外”的加工贸易转移等模式",
        },
        {
          title: "承接广东、浙江、江苏和山东等东部发达地区产业转移",
          titleEn: "Take in industry from Guangdong, Zhejiang, Jiangsu, Shandong and the developed east",
          sourceExcerpt: "积极承接广东、浙江、江苏和山东等东部发达地区产业转移",
        },
        {
          title: "营造一流的营商环境，吸引战略性龙头企业",
          titleEn: "First-class business environment to attract strategic leading firms",
          sourceExcerpt: "营造一流的营商环境，吸引战略性龙头企业向成渝地区布局",
        },
        {
          title: "争取重大金融基础设施、重要金融机构布局",
          titleEn: "Bring major financial infrastructure and key financial institutions to the region",
          sourceExcerpt: "积极争取重大金融基础设施、重要金融机构在成渝地区布局",
        },
        {
          title: "证券、期货类新型全国性创新型交易所",
          titleEn: "New national innovative securities and futures exchanges in Sichuan and Chongqing",
          sourceExcerpt: "推动证券、期货类新型全国性创新型交易所布局川渝",
        },
        {
          title: "全国性证券交易所分中心、备份中心",
          titleEn: "Branch and backup centres of the national stock exchanges",
          sourceExcerpt: "推进全国性证券交易所在成渝地区设立分中心、备份中心",
        },
        {
          title: "争取我国第四个证券交易所落户成渝地区",
          titleEn: "Bid for China's fourth stock exchange",
          sourceExcerpt: "争取我国第四个证券交易所落户成渝地区",
        },
        {
          title: "北京非首都功能项目向成渝地区转移布局",
          titleEn: "Relocation of Beijing's non-capital-function projects",
          sourceExcerpt: "大力争取北京非首都功能项目向成渝地区转移布局",
        },
        {
          title: "保险业总部落户川渝",
          titleEn: "Insurance company headquarters in Sichuan and Chongqing",
          sourceExcerpt: "推动保险业总部落户川渝",
        },
      ],
    },
    {
      title: "打造服务国家战略腹地建设的创新策源地",
      titleEn: "Build an innovation source serving the national strategic hinterland",
      sourceExcerpt:
        "打造服务国家战略腹地建设的创新策源地。加强重大基础设施和国家科研平台布局，积极争取能源、交通、水利、通信、生态环保等重大基础设施向川渝两省市布局，争取实施西藏、西北特高压直流电入川渝工程，尽早启动三峡新通道建设，提升北煤入川渝铁路通道运能。大力争取电力物联网、工业互联网、大数据中心等国家新型基础设施重点项目在成渝地区优先布局。争取中国科学院和央企下属科研机构在成渝地区设立独立法人资格的分支研究机构。川渝两省市合力建设重大科技基础设施，力争布局一批国家大科学基础装置、国家级重点试验基地、国家实验室。优化综合性国家科学中心等国家级战略功能平台布局，支持川渝联手建设具有全国影响力的科技创新中心，推动一批国家重大科技基础设施、国家科教基础设施、国家产业创新中心、国家工程研究中心、国家企业技术中心等重大创新平台在成渝地区集中布局。大力发展科技金融等创新服务，塑造创新生态体系。",
      actions: [
        {
          title: "争取能源、交通、水利、通信、生态环保等重大基础设施布局",
          titleEn: "Major energy, transport, water, telecom and environmental infrastructure",
          sourceExcerpt: "积极争取能源、交通、水利、通信、生态环保等重大基础设施向川渝两省市布局",
        },
        {
          title: "西藏、西北特高压直流电入川渝工程",
          titleEn: "UHV DC power transmission from Tibet and the northwest into Sichuan and Chongqing",
          sourceExcerpt: "争取实施西藏、西北特高压直流电入川渝工程",
        },
        {
          title: "三峡新通道建设",
          titleEn: "New Three Gorges shipping passage",
          sourceExcerpt: "尽早启动三峡新通道建设",
        },
        {
          title: "提升北煤入川渝铁路通道运能",
          titleEn: "Raise capacity of the rail corridor bringing northern coal into Sichuan and Chongqing",
          sourceExcerpt: "提升北煤入川渝铁路通道运能",
        },
        {
          title: "电力物联网、工业互联网、大数据中心等国家新型基础设施重点项目",
          titleEn: "Priority national new-infrastructure projects: power IoT, industrial internet, big-data centres",
          sourceExcerpt: "大力争取电力物联网、工业互联网、大数据中心等国家新型基础设施重点项目在成渝地区优先布局",
        },
        {
          title: "中国科学院和央企下属科研机构设立独立法人分支研究机构",
          titleEn: "Independent legal-entity branches of CAS and central-SOE research institutes",
          sourceExcerpt: "争取中国科学院和央企下属科研机构在成渝地区设立独立法人资格的分支研究机构",
        },
        {
          title: "国家大科学基础装置、国家级重点试验基地、国家实验室",
          titleEn: "Major science facilities, national key test bases and national laboratories",
          sourceExcerpt:
            "川渝两省市合力建设重大科技基础设施，力争布局一批国家大科学基础装置、国家级重点试验基地、国家实验室",
        },
        {
          title: "综合性国家科学中心等国家级战略功能平台",
          titleEn: "Comprehensive national science centre and other national strategic platforms",
          sourceExcerpt: "优化综合性国家科学中心等国家级战略功能平台布局",
        },
        {
          title: "具有全国影响力的科技创新中心",
          titleEn: "Science and technology innovation centre with national influence",
          sourceExcerpt: "支持川渝联手建设具有全国影响力的科技创新中心",
        },
        {
          title: "重大创新平台在成渝地区集中布局",
          titleEn:
            "Concentrate national innovation platforms (science, education, industry, engineering, enterprise centres)",
          sourceExcerpt:
            "推动一批国家重大科技基础设施、国家科教基础设施、国家产业创新中心、国家工程研究中心、国家企业技术中心等重大创新平台在成渝地区集中布局",
        },
        {
          title: "发展科技金融等创新服务，塑造创新生态体系",
          titleEn: "Sci-tech finance and other innovation services; innovation ecosystem",
          sourceExcerpt: "大力发展科技金融等创新服务，塑造创新生态体系",
        },
      ],
    },
    {
      title: "打造国家战略资源综合利用产业基地",
      titleEn: "Build a national industrial base for the use of strategic resources",
      sourceExcerpt:
        "打造国家战略资源综合利用产业基地。聚焦成渝地区钒、钛、稀土、锂、钾、锰等战略资源优势，充分发挥西部陆海新通道、中欧班列、长江黄金水道作用，立足全球配置资源，在成渝地区双城经济圈布局国家级战略资源开发生产基地、储备中心，共建国家物流枢纽，合力建设清洁能源资源开发利用试验区，保障国家重要初级产品供给和能源安全。",
      actions: [
        {
          title: "国家级战略资源开发生产基地",
          titleEn:
            "National strategic-resource production bases (vanadium, titanium, rare earths, lithium, potassium, manganese)",
          sourceExcerpt: strategicResourceBases,
        },
        {
          title: "国家级战略资源储备中心",
          titleEn: "National strategic-resource reserve centres",
          sourceExcerpt: strategicResourceBases,
        },
        {
          title: "发挥西部陆海新通道、中欧班列、长江黄金水道作用",
          titleEn:
            "Use the New Western Land-Sea Corridor, China–Europe trains and the Yangtze to source resources globally",
          sourceExcerpt: "充分发挥西部陆海新通道、中欧班列、长江黄金水道作用，立足全球配置资源",
        },
        {
          title: "共建国家物流枢纽",
          titleEn: "Jointly build national logistics hubs",
          sourceExcerpt: "共建国家物流枢纽",
        },
        {
          title: "清洁能源资源开发利用试验区",
          titleEn: "Clean energy development pilot zone",
          sourceExcerpt: "合力建设清洁能源资源开发利用试验区，保障国家重要初级产品供给和能源安全",
        },
      ],
    },
  ],
};
