// The "items" columns of the XLSX sheet and the CSV, in order. The export writes them; the import reads files
// with exactly these columns (headers in either language), so export → edit in Excel/WPS → import round-trips.
// `editable` columns are the ones an import may change; the others identify the row or are read-only context
// (a changed read-only cell is reported, never applied). 进度 is the progress reported on the item itself, the
// value an import sets; 汇总进度 is filled only for an item whose progress is rolled up from its children (a
// recommendation: the figure the dashboard shows for it), and is never imported. The investment columns are
// 万元 amounts written from their decimal strings (never through float arithmetic); 完成率 is read-only.
import type { ReportItem } from "./types";

export interface ItemColumn {
  key: keyof ReportItem | "changeNote";
  zh: string;
  en: string;
  editable: boolean;
}

export const ITEM_COLUMNS: readonly ItemColumn[] = [
  { key: "code", zh: "编号", en: "Code", editable: false },
  { key: "pillarNumber", zh: "方面", en: "Pillar", editable: false },
  { key: "level", zh: "层级", en: "Level", editable: false },
  { key: "title", zh: "事项", en: "Item", editable: false },
  { key: "leadUnit", zh: "牵头单位", en: "Lead unit", editable: false },
  { key: "coLeadUnit", zh: "共同牵头单位", en: "Co-lead unit", editable: false },
  { key: "responsiblePerson", zh: "责任人", en: "Responsible person", editable: true },
  { key: "status", zh: "状态", en: "Status", editable: true },
  { key: "confidence", zh: "信心", en: "Confidence", editable: true },
  { key: "reportedProgress", zh: "进度", en: "Progress", editable: true },
  { key: "progress", zh: "汇总进度", en: "Rolled-up progress", editable: false },
  { key: "startDate", zh: "开始日期", en: "Start date", editable: true },
  { key: "dueDate", zh: "完成时限", en: "Due date", editable: true },
  { key: "originalDueDate", zh: "原定时限", en: "Original due date", editable: false },
  { key: "slippageDays", zh: "延期天数", en: "Slippage (days)", editable: false },
  { key: "overdue", zh: "是否逾期", en: "Overdue", editable: false },
  // Amounts in 万元 (exact decimals); 本年 is the report's year on export and the import day's year on import.
  { key: "totalInvestment", zh: "总投资(万元)", en: "Total investment (万元)", editable: true },
  { key: "plannedInvestment", zh: "本年计划投资(万元)", en: "Planned investment this year (万元)", editable: true },
  { key: "completedInvestment", zh: "本年完成投资(万元)", en: "Investment done this year (万元)", editable: true },
  { key: "investmentRate", zh: "完成率", en: "Completion rate", editable: false },
  { key: "lastUpdateAt", zh: "最近报送", en: "Last update", editable: false },
  { key: "version", zh: "版本", en: "Version", editable: false },
  // Empty on export; an import that changes a due date needs the reason here (as the edit form does).
  { key: "changeNote", zh: "修改说明", en: "Change note", editable: true },
];
