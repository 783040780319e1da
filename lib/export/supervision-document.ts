// A 督办通知单 as a format-neutral outline (the status report's: report-document.ts), laid out by the same Word and
// PDF renderers. An official notice, so it is in Chinese whatever the reader's language; everything in it was
// fixed when the 督办 was issued, and its only moment is the issue, so the same 督办 always gives the same outline.
import { translator } from "../i18n/translator";
import type { SupervisionNoticeData } from "../report/supervision";
import { formatReportDate, tableColumns, type OutlineBlock, type ReportOutline } from "./report-document";

export function buildSupervisionOutline(data: SupervisionNoticeData): ReportOutline {
  const locale = "zh-CN" as const;
  const t = translator(locale, "chase.notice");
  const day = (d: string) => formatReportDate(d, locale);
  const overdue = data.reason === "ITEM_OVERDUE";
  const blocks: OutlineBlock[] = [];

  blocks.push({ kind: "paragraph", text: t("addressee", { unit: data.unit }) });
  blocks.push({
    kind: "paragraph",
    text: overdue
      ? t("bodyOverdue", { count: data.items.length, issued: day(data.issuedOn) })
      : t("bodyPeriod", {
          count: data.items.length,
          issued: day(data.issuedOn),
          period: data.period ?? "",
          deadline: data.periodDeadline ? day(data.periodDeadline) : "",
        }),
  });

  blocks.push({ kind: "heading", level: 1, text: t("sectionItems") });
  blocks.push({
    kind: "table",
    columns: overdue
      ? tableColumns(t, [
          ["colCode", 0.12, "left"],
          ["colItem", 0.56, "left"],
          ["colDueDate", 0.18, "left"],
          ["colDaysOverdue", 0.14, "right"],
        ])
      : tableColumns(t, [
          ["colCode", 0.15, "left"],
          ["colItem", 0.85, "left"],
        ]),
    rows: data.items.map((i) => ({
      cells: overdue
        ? [i.code, i.title, i.dueDate ? day(i.dueDate) : "", i.daysOverdue === null ? "" : String(i.daysOverdue)]
        : [i.code, i.title],
      strong: false,
    })),
  });

  blocks.push({ kind: "heading", level: 1, text: t("sectionAsks") });
  blocks.push({
    kind: "entries",
    entries: [
      t("askAcknowledge", { date: day(data.acknowledgeBy) }),
      overdue ? t("askOverdue", { date: day(data.replyBy) }) : t("askPeriod", { date: day(data.replyBy) }),
      t("askEscalation"),
    ],
  });
  blocks.push({ kind: "paragraph", text: t("issuer") });
  blocks.push({ kind: "paragraph", text: day(data.issuedOn) });

  const subtitle = [data.number, t("issuedLine", { date: day(data.issuedOn) })];
  if (data.sampleData) subtitle.unshift(t("sampleLine"));
  const footerText = t("footer", { page: "\u0001", total: "\u0002" });
  const [beforePage = "", rest = ""] = footerText.split("\u0001");
  const [between = "", afterTotal = ""] = rest.split("\u0002");
  return { locale, title: t("title"), subtitle, blocks, footer: { beforePage, between, afterTotal } };
}
