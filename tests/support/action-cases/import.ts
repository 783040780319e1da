// Permission-walk cases for the import actions: a small valid CSV (the export's columns) for the walk's item
// that changes its responsible person, so the editor of its unit is allowed, an editor of another unit is
// refused "forbidden" (the file touches an item outside their units) and a viewer lacks item:import. The
// permission listed is item:update because each changed row needs it for its item (the walk checks it against
// the item's units); item:import, which both actions also require, is held by every role that has item:update.
import { createHash, randomBytes } from "node:crypto";
import { csvOf, exportedItems, fileForm, rowOf } from "../import-files";
import type { ActionCases, ActionContext } from "./types";

async function walkFile(ctx: ActionContext): Promise<Buffer> {
  const item = (await exportedItems(ctx.db, { kind: "unit", unitId: ctx.unitId })).find((i) => i.code === ctx.itemCode);
  if (!item) throw new Error(`walk item ${ctx.itemCode} is not in its unit's export`);
  return csvOf([{ ...rowOf(item), responsiblePerson: `导入权限测试 ${randomBytes(3).toString("hex")}` }]);
}

export const importCases: ActionCases = {
  previewImport: {
    permission: "item:update",
    buildArgs: async (ctx) => [null, fileForm(await walkFile(ctx), "walk.csv")],
  },
  applyImport: {
    permission: "item:update",
    buildArgs: async (ctx) => {
      const bytes = await walkFile(ctx);
      return [null, fileForm(bytes, "walk.csv", { fileHash: createHash("sha256").update(bytes).digest("hex") })];
    },
  },
};
