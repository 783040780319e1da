import { readFileSync } from "node:fs";
import { join } from "node:path";

/** A zh-CN message file, read as data (Playwright's loader does not take JSON imports); T is its imported type. */
export const catalogue = <T>(name: string): T =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, "..", "..", "lib", "i18n", "messages", "zh-CN", `${name}.json`), "utf8"),
  ) as T;
