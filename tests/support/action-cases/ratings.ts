// Permission-walk cases for the 考评's action: the weights (administrators). Each call sends the weights in force
// with one changed, so a successful call writes a row and the next call still has something to change.
import type { ActionCases } from "./types";

export const ratingCases: ActionCases = {
  updateRatingWeights: {
    permission: "rating:configure",
    buildArgs: async (ctx) => {
      const w = await ctx.db.ratingWeights.findFirst({ orderBy: [{ setAt: "desc" }, { id: "desc" }] });
      const onTime = w?.onTime ?? 40;
      const form = new FormData();
      form.set("onTime", String(onTime >= 100 ? 1 : onTime + 1));
      form.set("firstPass", String(w?.firstPass ?? 30));
      form.set("overdue", String(w?.overdue ?? 20));
      form.set("supervision", String(w?.supervision ?? 10));
      return [null, form];
    },
  },
};
