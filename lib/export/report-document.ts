// The written status report (工作报告) as a format-neutral outline: headings, prose, numbered entries and
// tables, all already worded in the report's language. The DOCX and PDF renderers only lay this outline out,
// so both documents always say the same thing in the same order.
import { chinaTime } from "../dates";
import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/translator";
import type { ReportData, ReportItem } from "../report/types";
import { indicatorsBlocks, pillarIndicatorBlocks } from "./report-indicators";
import { investmentBlocks } from "./report-investment";
import { ratingsBlocks } from "./report-ratings";

export type Align = "left" | "right" | "center";

export interface OutlineColumn {
  label: string;
  /** share of the table width, the columns of a table summing to 1 */
  width: number;
  align: Align;
}

/** A table's columns from [catalogue key, share of the width, alignment] triples. */
export function tableColumns(
  t: (key: string) => string,
  specs: [key: string, width: number, align: Align][],
): OutlineColumn[] {
  return specs.map(([key, width, align]) => ({ label: t(key), width, align }));
}

export interface OutlineRow {
  cells: string[];
  /** a recommendation row (its actions follow it) or a total: drawn in bold */
  strong: boolean;
}

export type OutlineBlock =
  | { kind: "heading"; level: 1 | 2; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "entries"; entries: string[] }
  | { kind: "table"; columns: OutlineColumn[]; rows: OutlineRow[] };

export interface ReportOutline {
  locale: Locale;
  title: string;
  /** the lines under the title: date, scope, compare date, generation time */
  subtitle: string[];
  blocks: OutlineBlock[];
  /** footer text with the two page-number placeholders left for the renderer to fill */
  footer: { beforePage: string; between: string; afterTotal: string };
}

/** "2026年11月28日" / "28 November 2026" for a YYYY-MM-DD calendar day (no time zone shift). */
export function formatReportDate(day: string, locale: Locale): string {
  const [y, m, d] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  }).format(date);
}

/** A moment in China time, to the minute: 2026-06-30 18:00 (zh-CN) or 30/06/2026, 18:00 (en). */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "Asia/Shanghai",
  }).format(new Date(iso));
}

/** One decimal at most: 62.35 → "62.4", 100 → "100". */
export function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * How much a written report lists one by one. A document is read by people, and laying out a table is slow:
 * react-pdf took 27 s and 440 MB for 1,200 rows, and a PDF of all 10,000 items of a large portfolio did not
 * finish in 5 minutes. Beyond these the document says how many it left out and points to the spreadsheet
 * exports, which always hold everything (the items and changes sheets, the CSV).
 */
export const DOCUMENT_LIMITS = {
  /** rows of the overdue and off-track table (most overdue first) */
  lagging: 100,
  /** entries of each group of changes */
  changeEntries: 50,
  /** rows of the item tables by pillar; over it only recommendations are listed */
  detailRows: 400,
} as const;

/**
 * The items a written report (and the preview page) lists one by one: all of them, or over the limit only the
 * recommendations, each of which rolls up its actions.
 */
export function listedItems(items: ReportItem[]): ReportItem[] {
  if (items.length <= DOCUMENT_LIMITS.detailRows) return items;
  return items.filter((item) => item.level === "RECOMMENDATION").slice(0, DOCUMENT_LIMITS.detailRows);
}

export function buildReportOutline(data: ReportData): ReportOutline {
  const { locale } = data;
  const t = translator(locale, "reportDoc");
  const status = translator(locale, "status");
  const confidence = translator(locale, "confidence");
  const percent = (value: number | null) =>
    value === null ? t("noProgress") : t("percent", { value: formatNumber(value) });
  // A recommendation's progress is its actions' weighted progress, and the table says so.
  const itemProgress = (item: ReportItem) =>
    item.rolledUp ? t("progressRolledUp", { progress: percent(item.progress) }) : percent(item.progress);
  const day = (value: string | null) => (value === null ? t("noDate") : formatReportDate(value, locale));
  const unit = (value: string | null) => value ?? t("noUnit");
  // Jointly led items name both sides' units: the lagging list is where leaders look for who to call.
  const leadUnits = (item: ReportItem) =>
    [item.leadUnit, item.coLeadUnit].filter((u): u is string => u !== null).join("、") || t("noUnit");
  const asOf = formatReportDate(data.asOf, locale);
  const h = data.headline;

  const blocks: OutlineBlock[] = [];

  blocks.push({ kind: "heading", level: 1, text: t("sectionSummary") });
  // A report taken as of a period's close says which close (its figures are at that instant, not the day's end).
  if (data.period)
    blocks.push({
      kind: "paragraph",
      text: t("asOfPeriodLine", {
        label: locale === "en" ? data.period.labelEn : data.period.label,
        at: chinaTime(data.period.closedAt),
      }),
    });
  blocks.push({
    kind: "paragraph",
    text: t("summary", {
      date: asOf,
      scope: data.scopeLabel,
      items: h.items,
      progress: percent(h.overallProgress),
      completed: h.completed,
      overdue: h.overdue,
      stale: h.stale,
      onTrack: h.onTrack,
      atRisk: h.atRisk,
      offTrack: h.offTrack,
    }),
  });

  blocks.push({ kind: "heading", level: 1, text: t("sectionPillars") });
  blocks.push({ kind: "paragraph", text: t("pillarsIntro") });
  blocks.push({
    kind: "table",
    columns: tableColumns(t, [
      ["colPillar", 0.52, "left"],
      ["colItems", 0.12, "right"],
      ["colCompleted", 0.12, "right"],
      ["colOverdue", 0.12, "right"],
      ["colProgress", 0.12, "right"],
    ]),
    rows: data.pillars.map((p) => ({
      cells: [
        t("pillarHeading", { number: p.number, title: p.title }),
        String(p.items),
        String(p.completed),
        String(p.overdue),
        percent(p.progress),
      ],
      strong: false,
    })),
  });
  blocks.push(...investmentBlocks(data, t, asOf));
  const longDay = (iso: string) => formatReportDate(iso, locale);
  blocks.push(...indicatorsBlocks(data, t, asOf, longDay));

  blocks.push({ kind: "heading", level: 1, text: t("sectionLagging") });
  if (data.lagging.length === 0) {
    blocks.push({ kind: "paragraph", text: t("laggingNone") });
  } else {
    blocks.push({ kind: "paragraph", text: t("laggingIntro", { count: data.lagging.length }) });
    const lagging = data.lagging.slice(0, DOCUMENT_LIMITS.lagging);
    if (lagging.length < data.lagging.length) {
      blocks.push({
        kind: "paragraph",
        text: t("laggingLimited", { shown: lagging.length, rest: data.lagging.length - lagging.length }),
      });
    }
    blocks.push({
      kind: "table",
      columns: tableColumns(t, [
        ["colCode", 0.08, "left"],
        ["colItem", 0.29, "left"],
        ["colLeadUnit", 0.19, "left"],
        ["colStatus", 0.1, "center"],
        ["colConfidence", 0.11, "center"],
        ["colDueDate", 0.13, "left"],
        ["colDaysOverdue", 0.1, "right"],
      ]),
      rows: lagging.map((item) => ({
        cells: [
          item.code,
          item.title,
          leadUnits(item),
          status(item.status),
          item.confidence === null ? "" : confidence(item.confidence),
          item.dueDate ?? t("noDate"),
          item.daysOverdue === null ? "" : String(item.daysOverdue),
        ],
        strong: false,
      })),
    });
  }

  if (data.changes === null) {
    blocks.push({ kind: "heading", level: 1, text: t("sectionChangesNoCompare") });
    blocks.push({ kind: "paragraph", text: t("noCompare") });
  } else {
    const c = data.changes;
    const since = formatReportDate(c.since, locale);
    blocks.push({ kind: "heading", level: 1, text: t("sectionChanges", { date: since }) });
    const total =
      c.newlyCompleted.length +
      c.newlyOverdue.length +
      c.statusDowngrades.length +
      c.dueDateRevisions.length +
      c.progressMoves.length;
    blocks.push({
      kind: "paragraph",
      text: total === 0 ? t("noChanges", { date: since }) : t("changesIntro", { date: since, asOf }),
    });
    const group = (heading: string, all: string[]) => {
      blocks.push({ kind: "heading", level: 2, text: heading });
      const entries = all.slice(0, DOCUMENT_LIMITS.changeEntries);
      if (entries.length < all.length) entries.push(t("changesLimited", { rest: all.length - entries.length }));
      blocks.push(entries.length === 0 ? { kind: "paragraph", text: t("none") } : { kind: "entries", entries });
    };
    group(
      t("newlyCompleted", { count: c.newlyCompleted.length }),
      c.newlyCompleted.map((e) => t("entryCompleted", { code: e.code, title: e.title, unit: unit(e.leadUnit) })),
    );
    group(
      t("newlyOverdue", { count: c.newlyOverdue.length }),
      c.newlyOverdue.map((e) =>
        t("entryOverdue", { code: e.code, title: e.title, unit: unit(e.leadUnit), due: day(e.dueDate) }),
      ),
    );
    group(
      t("statusDowngrades", { count: c.statusDowngrades.length }),
      c.statusDowngrades.map((e) => {
        const label = e.kind === "status" ? status : confidence;
        return t("entryDowngrade", {
          code: e.code,
          title: e.title,
          kind: t(e.kind === "status" ? "downgradeStatus" : "downgradeConfidence"),
          from: label(e.from),
          to: label(e.to),
        });
      }),
    );
    group(
      t("dueDateRevisions", { count: c.dueDateRevisions.length }),
      c.dueDateRevisions.map((e) =>
        t("entryRevision", {
          code: e.code,
          title: e.title,
          from: day(e.from),
          to: day(e.to),
          at: formatReportDate(e.at.slice(0, 10), locale),
          reason: e.reason?.trim() ? e.reason : t("noReason"),
        }),
      ),
    );
    group(
      t("progressMoves", { count: c.progressMoves.length }),
      c.progressMoves.map((e) =>
        t("entryMove", {
          code: e.code,
          title: e.title,
          from: percent(e.from),
          to: percent(e.to),
          delta: `${e.delta > 0 ? "+" : ""}${formatNumber(e.delta)}`,
        }),
      ),
    );
  }

  blocks.push(...ratingsBlocks(data));
  blocks.push({ kind: "heading", level: 1, text: t("sectionDetails") });
  const detailColumns = tableColumns(t, [
    ["colCode", 0.09, "left"],
    ["colItem", 0.37, "left"],
    ["colLeadUnit", 0.2, "left"],
    ["colStatus", 0.1, "center"],
    ["colProgress", 0.12, "right"],
    ["colDueDate", 0.12, "left"],
  ]);
  const detailRow = (item: ReportItem): OutlineRow => ({
    cells: [
      item.code,
      item.title,
      unit(item.leadUnit),
      status(item.status),
      itemProgress(item),
      item.dueDate ?? t("noDate"),
    ],
    strong: item.level === "RECOMMENDATION",
  });
  const listed = listedItems(data.items);
  if (listed.length < data.items.length) {
    blocks.push({
      kind: "paragraph",
      text: t("detailsLimited", { total: data.items.length, limit: DOCUMENT_LIMITS.detailRows, shown: listed.length }),
    });
  }
  if (listed.some((item) => item.rolledUp)) blocks.push({ kind: "paragraph", text: t("rolledUpNote") });
  for (const pillar of data.pillars) {
    const items = listed.filter((item) => item.pillarNumber === pillar.number);
    blocks.push({
      kind: "heading",
      level: 2,
      text: t("pillarHeading", { number: pillar.number, title: pillar.title }),
    });
    blocks.push({
      kind: "paragraph",
      text: t("pillarLine", {
        items: pillar.items,
        completed: pillar.completed,
        overdue: pillar.overdue,
        progress: percent(pillar.progress),
      }),
    });
    if (items.length === 0) blocks.push({ kind: "paragraph", text: t("pillarNoItems") });
    else blocks.push({ kind: "table", columns: detailColumns, rows: items.map(detailRow) });
    blocks.push(...pillarIndicatorBlocks(data, items, t, longDay));
  }

  const subtitle = [t("asOfLine", { date: asOf }), t("scopeLine", { scope: data.scopeLabel })];
  if (data.sampleData) subtitle.unshift(t("sampleLine"));
  if (data.compare !== null) subtitle.push(t("compareLine", { date: formatReportDate(data.compare, locale) }));
  subtitle.push(t("generatedLine", { at: formatDateTime(data.generatedAt, locale) }));

  // The footer sentence is translated whole and split around placeholder marks, so word order stays the
  // translator's while DOCX and PDF insert their own live page-number fields.
  const footerText = t("footer", { page: "\u0001", total: "\u0002" });
  const [beforePage = "", rest = ""] = footerText.split("\u0001");
  const [between = "", afterTotal = ""] = rest.split("\u0002");

  return { locale, title: t("title"), subtitle, blocks, footer: { beforePage, between, afterTotal } };
}
