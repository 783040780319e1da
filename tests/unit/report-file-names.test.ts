// A report file's download names: the as-of day always, and the period when the report is taken at its close.
import { describe, expect, it } from "vitest";
import { reportFileNames } from "../../lib/export/filename";
import { contentDisposition } from "../../lib/http/content-disposition";

const november = { id: 12, label: "2026年11月", labelEn: "November 2026" };

describe("reportFileNames", () => {
  it("names the as-of day", () => {
    expect(reportFileNames("2026-11-28", "csv")).toEqual({
      ascii: "chengyu-report-2026-11-28.csv",
      unicode: "成渝工作报告-2026-11-28.csv",
    });
  });

  it("marks a report on the sample data in both names, in the report's language", () => {
    expect(reportFileNames("2026-12-06", "csv", "zh-CN", null, true)).toEqual({
      ascii: "chengyu-report-sample-2026-12-06.csv",
      unicode: "成渝工作报告-示例数据-2026-12-06.csv",
    });
    expect(reportFileNames("2026-11-30", "xlsx", "zh-CN", november, true).unicode).toBe(
      "成渝工作报告-示例数据-2026年11月-2026-11-30.xlsx",
    );
    expect(reportFileNames("2026-11-30", "csv", "en", november, true)).toEqual({
      ascii: "chengyu-report-sample-period12-2026-11-30.csv",
      unicode: "chengyu-report-sample-November-2026-2026-11-30.csv",
    });
    expect(reportFileNames("2026-12-06", "csv", "zh-CN", null, false).unicode).toBe("成渝工作报告-2026-12-06.csv");
  });

  it("names the period of a report taken at a period's close, in the report's language", () => {
    expect(reportFileNames("2026-11-30", "csv", "zh-CN", november)).toEqual({
      ascii: "chengyu-report-period12-2026-11-30.csv",
      unicode: "成渝工作报告-2026年11月-2026-11-30.csv",
    });
    expect(reportFileNames("2026-11-30", "xlsx", "en", november).unicode).toBe(
      "chengyu-report-November-2026-2026-11-30.xlsx",
    );
    expect(contentDisposition(reportFileNames("2026-11-30", "pdf", "zh-CN", november))).toBe(
      `attachment; filename="chengyu-report-period12-2026-11-30.pdf"; filename*=UTF-8''${encodeURIComponent("成渝工作报告-2026年11月-2026-11-30.pdf")}`,
    );
  });
});
