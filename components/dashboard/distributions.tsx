import { getTranslations } from "next-intl/server";
import { getDistributions } from "@/lib/data/dashboard";
import { ITEM_STATUSES } from "@/lib/status";
import type { AsOfSelection } from "@/lib/as-of-selection";
import { DistributionView, type DistributionRow } from "./charts/distribution-view";
import { itemsHref } from "./format";
import { Widget } from "./widget";

const STATUS_COLORS: Record<string, string> = {
  NOT_ASSESSED: "#9ca3af",
  NOT_STARTED: "#64748b",
  IN_PROGRESS: "#0b4f9c",
  ON_HOLD: "#b45309",
  COMPLETED: "#1e6b34",
  CANCELLED: "#9b1c1c",
};
const CONFIDENCE_COLORS: Record<string, string> = {
  GREEN: "#1e6b34",
  AMBER: "#b45309",
  RED: "#9b1c1c",
  NONE: "#9ca3af",
};

/** The rows as the client view takes them: one short array each. */
const compact = (rows: Row[]): DistributionRow[] => rows.map((r) => [r.key, r.label, r.count, r.color, r.href]);

interface Row {
  key: string;
  label: string;
  count: number;
  color: string;
  href: string;
}

export async function DistributionsPanel({ selection }: { selection: AsOfSelection }) {
  const [d, t, tStatus, tConfidence] = await Promise.all([
    getDistributions(selection),
    getTranslations("dashboard"),
    getTranslations("status"),
    getTranslations("confidence"),
  ]);
  const statusRows: Row[] = ITEM_STATUSES.map((s) => ({
    key: s,
    label: tStatus(s),
    count: d.status.find((x) => x.key === s)?.count ?? 0,
    color: STATUS_COLORS[s]!,
    href: itemsHref({ level: "ACTION", status: s }, selection),
  }));
  const confidenceRows: Row[] = (["GREEN", "AMBER", "RED"] as const).map((c) => ({
    key: c,
    label: tConfidence(c),
    count: d.confidence.find((x) => x.key === c)?.count ?? 0,
    color: CONFIDENCE_COLORS[c]!,
    href: itemsHref({ level: "ACTION", open: 1, confidence: c }, selection),
  }));
  const none = d.confidence.find((x) => x.key === null)?.count ?? 0;
  if (none > 0)
    confidenceRows.push({
      key: "NONE",
      label: t("distributions.noConfidence"),
      count: none,
      color: CONFIDENCE_COLORS.NONE!,
      href: itemsHref({ level: "ACTION", open: 1, confidence: "NONE" }, selection),
    });
  const text = { summary: t("showTable"), category: t("distributions.category"), count: t("distributions.count") };
  const total = statusRows.reduce((n, r) => n + r.count, 0);
  return (
    <Widget id="distributions" title={t("distributions.heading")}>
      {total === 0 ? (
        <p>{t("emptyPortfolio")}</p>
      ) : (
        <div className="stack">
          <DistributionView id="dist-status" title={t("distributions.status")} rows={compact(statusRows)} text={text} />
          <DistributionView
            id="dist-confidence"
            title={t("distributions.confidence")}
            rows={compact(confidenceRows)}
            text={text}
          />
        </div>
      )}
    </Widget>
  );
}
