import { describe, expect, it } from "vitest";
import { impliedProgress, isClosed, ITEM_STATUSES } from "../../lib/status";
import { diffSnapshots, type ItemSnapshot } from "../../lib/writes/snapshot";

describe("status vocabulary", () => {
  it("makes 已完成 mean 100 and 未启动 mean 0, and leaves other statuses' progress alone", () => {
    expect(impliedProgress("COMPLETED", 40)).toBe(100);
    expect(impliedProgress("COMPLETED", null)).toBe(100);
    expect(impliedProgress("NOT_STARTED", 30)).toBe(0);
    expect(impliedProgress("IN_PROGRESS", 30)).toBe(30);
    expect(impliedProgress("ON_HOLD", null)).toBeNull();
  });

  it("treats only completed and cancelled items as closed", () => {
    expect(ITEM_STATUSES.filter(isClosed)).toEqual(["COMPLETED", "CANCELLED"]);
  });
});

describe("snapshot diff", () => {
  const base: ItemSnapshot = {
    code: "1.1.1",
    parentId: 1,
    pillarId: 1,
    level: "ACTION",
    sortOrder: 1,
    title: "t",
    titleEn: null,
    description: null,
    sourceExcerpt: "s",
    leadUnitId: null,
    coLeadUnitId: null,
    supportingUnitIds: [1, 2],
    regionIds: [],
    conferenceIds: [],
    responsiblePerson: null,
    status: "NOT_ASSESSED",
    confidence: null,
    progress: null,
    weight: 1,
    totalInvestment: null,
    sichuanShare: null,
    chongqingShare: null,
    startDate: null,
    dueDate: null,
    originalDueDate: null,
    retiredAt: null,
    lastUpdateAt: null,
    milestones: [],
    investmentYears: [],
    indicators: [],
  };

  it("names exactly the fields that differ, including list fields", () => {
    expect(diffSnapshots(base, { ...base })).toEqual([]);
    expect(diffSnapshots(base, { ...base, progress: 10, supportingUnitIds: [1, 3] })).toEqual([
      "supportingUnitIds",
      "progress",
    ]);
  });

  it("lists every field for a new item", () => {
    expect(diffSnapshots(null, base)).toEqual(Object.keys(base));
  });
});
