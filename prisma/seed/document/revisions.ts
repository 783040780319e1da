// Corrections of the document seed after a careful read of the source (issue 16), as the OLD seeded values. The
// other files of this folder hold the new ones: a fresh database gets them directly, and a database seeded before
// gets them once, at its next start (prisma/seed/revise.ts), where a field is replaced only while it still holds
// the old value here (an administrator's own edit stays).
import type { UnitKind } from "../../../lib/generated/prisma/enums";

export const documentRevision = {
  /** `datasets` key recording that the revision was applied (or not needed: a database seeded after it) */
  key: "document-revision:2026-12-06",
  /** the reason written with each change (history and audit log) */
  reason: "依据原文更正文件种子（2026-12-06）",
  /** action items by code: their old title and English title */
  items: [
    // The source: 高竹新区是…第一个新区，两省市要联合出台相关政策 — the provinces act, not the new area.
    {
      code: "4.1.7",
      from: {
        title: "高竹新区联合出台相关政策，赋予更大的发展改革自主权",
        titleEn: "Joint policies and greater reform autonomy for the Gaozhu New Area",
      },
    },
    // The source: …金融服务中心、对外交往中心等高能级开放平台 — the titles alone lost what these centres are.
    { code: "3.2.6", from: { title: "金融服务中心", titleEn: "Financial services centre" } },
    { code: "3.2.7", from: { title: "对外交往中心", titleEn: "International exchange centre" } },
  ],
  /** the goals numbered (by text order) from the number given: the opening sentence of paragraph 2 was missing */
  goalsAdded: [4],
  /** existing goals by title: their old number and excerpt (goal 4's ended on the comma that goes on into goal 5) */
  goals: [
    {
      title: "推动明确为国家区域重大战略，加大支持力度",
      from: {
        number: 4,
        sourceExcerpt:
          "应积极推动将成渝地区双城经济圈建设明确为国家区域重大战略，在此统领下，进一步加大对双城经济圈建设的支持力度，",
      },
    },
    { title: "加快打造中国经济增长“第四极”", from: { number: 5 } },
  ],
  /** units by name: their old kind (政协 are consultative conferences, not legislatures) */
  units: [
    { name: "中国人民政治协商会议四川省委员会", from: { kind: "LEGISLATURE" as UnitKind } },
    { name: "中国人民政治协商会议重庆市委员会", from: { kind: "LEGISLATURE" as UnitKind } },
  ],
} as const;
