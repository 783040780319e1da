// The complete report data, for other systems: exactly the object every other format is rendered from.
import type { ReportData } from "../report/types";

export function renderJson(data: ReportData): Buffer {
  return Buffer.from(JSON.stringify(data, null, 2), "utf8");
}
