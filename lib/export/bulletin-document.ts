// A closed period's 情况通报 as a format-neutral outline (the status report's: report-document.ts), laid out by
// the same Word and PDF renderers. Everything in it comes from the BulletinData and the catalogue, and the only
// moment it names is the close, so the same period always gives the same outline.
import { translator } from "../i18n/translator";
import { chaseBlocks } from "./bulletin-chase";
import { FULFILMENT_FIGURES, type BulletinData, type Fulfilment, type UnitBehind } from "../report/bulletin";
import {
  formatDateTime,
  formatNumber,
  formatReportDate,
  tableColumns,
  type Align,
  type OutlineBlock,
  type ReportOutline,
} from "./report-document";

export function buildBulletinOutline(data: BulletinData): ReportOutline {
  const { locale, period, total } = data;
  const t = translator(locale, "periods.bulletin");
  const figure = translator(locale, "periods.figures");
  const sideName = translator(locale, "side");
  const status = translator(locale, "status");
  const confidence = translator(locale, "confidence");
  const day = (d: string) => formatReportDate(d, locale);
  const label = locale === "en" ? period.labelEn : period.label;
  const figureCells = (f: Fulfilment) => FULFILMENT_FIGURES.map((k) => String(f[k]));
  const figureColumns = FULFILMENT_FIGURES.map((k) => ({ label: figure(k), width: 0.08, align: "right" as Align }));
  const onTime = total.submitted - total.late;
  const rate =
    total.required === 0 ? t("noRate") : t("percent", { value: formatNumber((onTime / total.required) * 100) });

  const blocks: OutlineBlock[] = [];

  blocks.push({ kind: "heading", level: 1, text: t("sectionSummary") });
  blocks.push({
    kind: "paragraph",
    text:
      total.required === 0
        ? t("summaryNone")
        : t("summary", {
            required: total.required,
            submitted: total.submitted,
            onTime,
            late: total.late,
            approved: total.approved,
            returned: total.returned,
            missing: total.missing,
            rate,
          }),
  });

  blocks.push({ kind: "heading", level: 1, text: t("sectionSides") });
  blocks.push({
    kind: "table",
    columns: [{ label: t("colSide"), width: 0.52, align: "left" }, ...figureColumns],
    rows: [
      ...data.sides.map((s) => ({ cells: [sideName(s.side), ...figureCells(s)], strong: false })),
      { cells: [t("total"), ...figureCells(total)], strong: true },
    ],
  });

  blocks.push({ kind: "heading", level: 1, text: t("sectionUnits") });
  if (data.units.length === 0) blocks.push({ kind: "paragraph", text: t("none") });
  else
    blocks.push({
      kind: "table",
      columns: [
        { label: t("colUnit"), width: 0.4, align: "left" },
        { label: t("colSide"), width: 0.12, align: "center" },
        ...figureColumns,
      ],
      rows: data.units.map((u) => ({ cells: [u.unit, sideName(u.side), ...figureCells(u)], strong: false })),
    });

  blocks.push({ kind: "heading", level: 1, text: t("sectionBehind") });
  if (data.behind.length === 0) blocks.push({ kind: "paragraph", text: t("behindNone") });
  else {
    blocks.push({ kind: "paragraph", text: t("behindIntro", { count: data.behind.length }) });
    const codes = (list: string[]) =>
      list.length === 0 ? "" : t("codes", { count: list.length, codes: list.join("、") });
    blocks.push({
      kind: "table",
      columns: [
        ...tableColumns(t, [
          ["colUnit", 0.22, "left"],
          ["colSide", 0.1, "center"],
        ]),
        ...tableColumns(figure, [
          ["late", 0.22, "left"],
          ["returned", 0.22, "left"],
          ["missing", 0.24, "left"],
        ]),
      ],
      rows: data.behind.map((b: UnitBehind) => ({
        cells: [b.unit, sideName(b.side), codes(b.late), codes(b.returned), codes(b.missing)],
        strong: false,
      })),
    });
  }

  blocks.push({ kind: "heading", level: 1, text: t("sectionLagging") });
  if (data.laggingTotal === 0) blocks.push({ kind: "paragraph", text: t("laggingNone") });
  else {
    blocks.push({ kind: "paragraph", text: t("laggingIntro", { count: data.laggingTotal }) });
    if (data.lagging.length < data.laggingTotal)
      blocks.push({
        kind: "paragraph",
        text: t("laggingLimited", { shown: data.lagging.length, rest: data.laggingTotal - data.lagging.length }),
      });
    blocks.push({
      kind: "table",
      columns: tableColumns(t, [
        ["colCode", 0.08, "left"],
        ["colItem", 0.28, "left"],
        ["colLeadUnit", 0.18, "left"],
        ["colStatus", 0.09, "center"],
        ["colConfidence", 0.09, "center"],
        ["colProgress", 0.08, "right"],
        ["colDueDate", 0.12, "left"],
        ["colDaysOverdue", 0.08, "right"],
      ]),
      rows: data.lagging.map((item) => ({
        cells: [
          item.code,
          item.title,
          item.leadUnits || t("noUnit"),
          status(item.status),
          item.confidence === null ? "" : confidence(item.confidence),
          item.progress === null ? t("noProgress") : t("percent", { value: item.progress }),
          item.dueDate ?? t("noDate"),
          item.daysOverdue === null ? "" : String(item.daysOverdue),
        ],
        strong: false,
      })),
    });
  }

  blocks.push(...chaseBlocks(data.chase, locale));

  const subtitle = [
    t("periodLine", { opens: day(period.opensOn), closes: day(period.closesOn), deadline: day(period.deadline) }),
    t(period.early ? "closedEarlyLine" : "closedLine", { at: formatDateTime(period.closedAt, locale) }),
  ];
  if (data.sampleData) subtitle.unshift(t("sampleLine"));

  const footerText = t("footer", { page: "\u0001", total: "\u0002" });
  const [beforePage = "", rest = ""] = footerText.split("\u0001");
  const [between = "", afterTotal = ""] = rest.split("\u0002");

  return { locale, title: t("title", { label }), subtitle, blocks, footer: { beforePage, between, afterTotal } };
}
