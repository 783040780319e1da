// The 情况通报's section on the period's chase (lib/report/bulletin.ts BulletinChase): a summary, counts by kind,
// the reminders and 催办 one by one, and each 督办 with its 签收 and 反馈 as they stood at the close.
import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/translator";
import type { BulletinChase, BulletinSupervision, ChaseOutcome } from "../report/bulletin";
import { formatReportDate, tableColumns, type OutlineBlock } from "./report-document";

export function chaseBlocks(chase: BulletinChase, locale: Locale): OutlineBlock[] {
  const t = translator(locale, "bulletinChase");
  const kindName = translator(locale, "chase.kind");
  const reasonName = translator(locale, "chase.reason");
  const sideName = translator(locale, "side");
  const day = (d: string) => formatReportDate(d, locale);
  const range = { from: day(chase.from), to: day(chase.to) };
  const blocks: OutlineBlock[] = [{ kind: "heading", level: 1, text: t("section") }];
  const count = (k: string) => chase.kinds.find((x) => x.kind === k);
  const sent = chase.kinds.reduce((n, k) => n + k.events, 0);
  if (sent === 0 && chase.supervisions.length === 0) {
    blocks.push({ kind: "paragraph", text: t("none", range) });
    return blocks;
  }
  const told = chase.kinds.filter((k) => k.kind === "REMINDER" || k.kind === "URGE");
  const tally = (pick: (s: BulletinSupervision) => ChaseOutcome, outcome: ChaseOutcome[]) =>
    chase.supervisions.filter((s) => outcome.includes(pick(s))).length;
  blocks.push({
    kind: "paragraph",
    text: t("summary", {
      ...range,
      reminders: count("REMINDER")?.events ?? 0,
      urges: count("URGE")?.events ?? 0,
      supervisions: chase.supervisions.length,
      escalations: count("ESCALATION")?.events ?? 0,
      told: told.reduce((n, k) => n + k.recipients, 0),
      read: told.reduce((n, k) => n + k.read, 0),
      ackOnTime: tally((s) => s.acknowledged, ["ON_TIME"]),
      ackLate: tally((s) => s.acknowledged, ["LATE"]),
      ackNone: tally((s) => s.acknowledged, ["OVERDUE", "PENDING"]),
      answerOnTime: tally((s) => s.answered, ["ON_TIME"]),
      answerLate: tally((s) => s.answered, ["LATE"]),
      answerNone: tally((s) => s.answered, ["OVERDUE", "PENDING"]),
    }),
  });

  blocks.push({ kind: "heading", level: 2, text: t("kindsTitle") });
  blocks.push({
    kind: "table",
    columns: tableColumns(t, [
      ["colKind", 0.36, "left"],
      ["colCount", 0.16, "right"],
      ["colUnits", 0.16, "right"],
      ["colTold", 0.16, "right"],
      ["colRead", 0.16, "right"],
    ]),
    rows: chase.kinds.map((k) => ({
      cells: [kindName(k.kind), String(k.events), String(k.units), String(k.recipients), String(k.read)],
      strong: false,
    })),
  });

  if (chase.eventsTotal > 0) {
    blocks.push({ kind: "heading", level: 2, text: t("eventsTitle") });
    if (chase.events.length < chase.eventsTotal)
      blocks.push({
        kind: "paragraph",
        text: t("eventsLimited", { shown: chase.events.length, rest: chase.eventsTotal - chase.events.length }),
      });
    blocks.push({
      kind: "table",
      columns: tableColumns(t, [
        ["colKind", 0.14, "left"],
        ["colUnit", 0.32, "left"],
        ["colSide", 0.1, "center"],
        ["colDate", 0.16, "left"],
        ["colPeriod", 0.16, "left"],
        ["colReadOf", 0.12, "right"],
      ]),
      rows: chase.events.map((e) => ({
        cells: [
          kindName(e.kind),
          e.unit,
          sideName(e.side),
          e.on,
          e.period ?? t("noPeriod"),
          t("readOf", { read: e.read, told: e.recipients }),
        ],
        strong: false,
      })),
    });
  }

  blocks.push({ kind: "heading", level: 2, text: t("supervisionsTitle") });
  if (chase.supervisions.length === 0) blocks.push({ kind: "paragraph", text: t("supervisionsNone") });
  else {
    const outcome = (o: ChaseOutcome, on: string | null, by: string) => t(`outcome.${o}`, { date: on ?? "", by });
    blocks.push({
      kind: "table",
      columns: tableColumns(t, [
        ["colNumber", 0.15, "left"],
        ["colUnit", 0.19, "left"],
        ["colReason", 0.14, "left"],
        ["colIssued", 0.11, "left"],
        ["colAcknowledged", 0.17, "left"],
        ["colAnswered", 0.17, "left"],
        ["colEscalated", 0.07, "center"],
      ]),
      rows: chase.supervisions.map((s) => ({
        cells: [
          s.number,
          s.unit,
          t("reasonItems", { reason: reasonName(s.reason), count: s.items }),
          s.issuedOn,
          outcome(s.acknowledged, s.acknowledgedOn, s.acknowledgeBy),
          outcome(s.answered, s.answeredOn, s.replyBy),
          s.escalated ? t("escalated") : t("notEscalated"),
        ],
        strong: false,
      })),
    });
  }
  return blocks;
}
