// An item's investment figures through their write path: validation refuses bad amounts field by field, a change
// is in the item's history (as of a past day the page shows the old figures, the compare says by how much they
// moved), a stale form is a conflict that writes nothing, another unit's editor is refused, a save that changes
// nothing writes no history, and the database refuses shares that do not add up to the total.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetClock, setClock } from "@/lib/clock";
import { invalid } from "@/lib/forms/result";
import { formatAmountChange, toCents } from "@/lib/money";
import { queryInvestmentChange } from "@/lib/queries/investment";
import { loadItemView } from "@/lib/queries/item-view";
import { investmentFormSchema } from "@/lib/validations/investment";
import { Refusal } from "@/lib/writes/failure";
import { VersionConflictError } from "@/lib/writes/item-change";
import { setInvestment, type InvestmentInput } from "@/lib/writes/investment";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { sampleAccount, type TestAccount } from "../support/actors";
import { investmentInput } from "../support/investment-figures";

const DAY = 86_400_000;

describe("investment figures: validation, history, as of and compare", () => {
  let t: TestDatabase;
  let admin: TestAccount;
  let item: { id: number; code: string; leadUnitId: number | null };
  const year = new Date(Date.now() + 2 * DAY).getUTCFullYear();

  beforeAll(async () => {
    t = await createTestDatabase({ sample: true });
    admin = await sampleAccount(t.db, { role: "ADMIN" });
    item = await t.db.item.findFirstOrThrow({
      where: { level: "ACTION", retiredAt: null, leadUnitId: { not: null } },
      orderBy: { code: "asc" },
      select: { id: true, code: true, leadUnitId: true },
    });
  }, 120_000);
  afterEach(() => resetClock());
  afterAll(async () => t?.drop());

  const version = async () =>
    (await t.db.item.findUniqueOrThrow({ where: { id: item.id }, select: { version: true } })).version;
  const input = (over: Partial<InvestmentInput>): Promise<InvestmentInput> =>
    investmentInput(t.db, item.id, year, over);

  it("refuses text, 1e400, 15 decimals, negatives, 17 digits and shares that do not add up, field by field", () => {
    const form = (fields: Record<string, string>) =>
      investmentFormSchema.safeParse({ itemId: "1", expectedVersion: "1", year: String(year), ...fields });
    const errorsOf = (fields: Record<string, string>) => {
      const parsed = form(fields);
      expect(parsed.success).toBe(false);
      return parsed.success ? {} : invalid(parsed.error).fieldErrors;
    };
    expect(
      errorsOf({
        totalInvestment: "一百万",
        planned: "1e400",
        completed: "1.123456789012345",
        sichuanShare: "-5",
        chongqingShare: "10000000000000000",
      }),
    ).toEqual({
      totalInvestment: ["investment.validation.format"],
      planned: ["investment.validation.format"],
      completed: ["investment.validation.decimals"],
      sichuanShare: ["investment.validation.negative"],
      chongqingShare: ["investment.validation.tooLarge"],
    });
    expect(errorsOf({ totalInvestment: "100", sichuanShare: "60", chongqingShare: "40.01" })).toEqual({
      sichuanShare: ["investment.validation.sharesSum"],
      chongqingShare: ["investment.validation.sharesSum"],
    });
    expect(errorsOf({ sichuanShare: "60", chongqingShare: "40" })).toEqual({
      totalInvestment: ["investment.validation.sharesNeedTotal"],
    });
    expect(errorsOf({ totalInvestment: "100", sichuanShare: "60" })).toEqual({
      chongqingShare: ["investment.validation.sharesBoth"],
    });
    expect(errorsOf({ year: "1999" })).toEqual({ year: ["investment.validation.year"] });
    const ok = form({ totalInvestment: "1,234.5", sichuanShare: "1000", chongqingShare: "234.50", planned: "" });
    expect(ok.success && ok.data).toMatchObject({
      totalInvestment: "1234.50",
      sichuanShare: "1000.00",
      chongqingShare: "234.50",
      planned: null,
    });
  });

  it("records each change in history: as of a past day the old figures, and the compare says by how much", async () => {
    const t1 = new Date(Date.now() + 1 * DAY);
    const t2 = new Date(Date.now() + 2 * DAY);
    setClock(t1);
    await t.db.$transaction(async (tx) =>
      setInvestment(
        tx,
        admin,
        await input({ totalInvestment: "5000000.00", planned: "200000.00", completed: "1000.00" }),
      ),
    );
    setClock(t2);
    const written = await t.db.$transaction(async (tx) =>
      setInvestment(
        tx,
        admin,
        await input({ totalInvestment: "5000000.00", planned: "200000.00", completed: "124000.00" }),
      ),
    );
    expect(written.changedFields).toEqual(["investmentYears"]);
    resetClock();

    const between = new Date(t1.getTime() + DAY / 2);
    const then = await loadItemView(t.db, item.code, { before: between });
    const now = await loadItemView(t.db, item.code, { before: null, compareBefore: between });
    if (then === null || then === "not-yet" || now === null || now === "not-yet") throw new Error("no item view");
    expect(then.totalInvestment).toBe("5000000.00");
    expect(then.investmentYears).toEqual([{ year, planned: "200000.00", completed: "1000.00" }]);
    expect(now.investmentYears).toEqual([{ year, planned: "200000.00", completed: "124000.00" }]);
    // The item's compare: one change, the year's 完成投资, as exact amounts; it rose 12.3 亿元.
    expect(now.compare?.changes).toEqual([
      { field: "completedInvestment", kind: "money", from: "1000.00", to: "124000.00", year },
    ]);
    const [change] = now.compare!.changes;
    expect(formatAmountChange(toCents(change!.to!) - toCents(change!.from!), "zh-CN")).toBe("+12.30亿元");
    // The history timeline of the latest version names the same change.
    expect(now.history.find((h) => h.version === written.version)?.changes).toEqual(now.compare?.changes);
    // The portfolio's compare over the same moments.
    const portfolio = await queryInvestmentChange(t.db, null, between, year);
    expect(portfolio.completedDelta).toBe("123000.00");
    expect(portfolio.plannedDelta).toBe("0.00");
  });

  it("a stale form is a conflict and a save that changes nothing writes no history", async () => {
    const current = await version();
    await expect(
      t.db.$transaction(async (tx) =>
        setInvestment(tx, admin, { ...(await input({ totalInvestment: "1.00" })), expectedVersion: current - 1 }),
      ),
    ).rejects.toBeInstanceOf(VersionConflictError);
    const same = await t.db.$transaction(async (tx) =>
      setInvestment(
        tx,
        admin,
        await input({ totalInvestment: "5000000", planned: "200000.0", completed: "124000.00" }),
      ),
    );
    expect(same.changedFields).toEqual([]);
    expect(await version()).toBe(current);
  });

  it("another unit's editor is refused, and the database refuses shares that do not add up", async () => {
    const scope = await t.db.item.findUniqueOrThrow({
      where: { id: item.id },
      select: { leadUnitId: true, coLeadUnitId: true, supportingUnits: { select: { unitId: true } } },
    });
    const own = [scope.leadUnitId, scope.coLeadUnitId, ...scope.supportingUnits.map((s) => s.unitId)].filter(
      (id): id is number => id !== null,
    );
    const stranger = await sampleAccount(t.db, { role: "EDITOR", unitId: { notIn: own } });
    await expect(
      t.db.$transaction(async (tx) => setInvestment(tx, stranger, await input({ totalInvestment: "1.00" }))),
    ).rejects.toBeInstanceOf(Refusal);
    await expect(
      t.db.$executeRaw`UPDATE items SET total_investment = 100, sichuan_share = 60, chongqing_share = 40.01,
                       version = version + 1 WHERE id = ${item.id}`,
    ).rejects.toThrow(/items_investment_shares_add_up/);
  });
});
