// Permission-walk case for the item page's investment form (item:update on the item's units). Each call raises
// 总投资 by 0.01 万元, so a successful call changes the item and the next one still has something to change.
import { fromCents, toCents } from "../../../lib/money";
import type { ActionCases } from "./types";

export const investmentCases: ActionCases = {
  updateInvestment: {
    permission: "item:update",
    buildArgs: async (ctx) => {
      const item = await ctx.db.item.findUniqueOrThrow({
        where: { id: ctx.itemId },
        select: { totalInvestment: true },
      });
      const total = fromCents((item.totalInvestment === null ? 100_000n : toCents(item.totalInvestment)) + 1n);
      const form = new FormData();
      form.set("itemId", String(ctx.itemId));
      form.set("expectedVersion", String(ctx.version));
      form.set("totalInvestment", total);
      form.set("sichuanShare", "");
      form.set("chongqingShare", "");
      form.set("year", "2026");
      form.set("planned", "5000.00");
      form.set("completed", "1234.56");
      return [null, form];
    },
  },
};
