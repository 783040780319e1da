import "server-only";
import { cache } from "react";
import { db } from "../db";

/** Whether 示例数据 is loaded; the layout shows a marker on every page when it is. Once per request. */
export const hasSampleData = cache(async (): Promise<boolean> => {
  return (await db().dataset.count({ where: { key: "sample" } })) > 0;
});
