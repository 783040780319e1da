import "server-only";
import { cache } from "react";
import { readThrough } from "../cache/data-version";
import { db } from "../db";

/**
 * Whether 示例数据 is loaded; the layout shows a marker on every page when it is. Public (the sign-in page shows it
 * too); kept at the data version, since loading or removing the sample writes the datasets table.
 */
export const hasSampleData = cache((): Promise<boolean> =>
  readThrough("datasets:sample", [], async () => (await db().dataset.count({ where: { key: "sample" } })) > 0),
);
