import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ChaseRecord } from "@/components/chase/chase-record";
import { AcknowledgeForm, AnswerForm } from "@/components/chase/supervision-forms";
import { formatFileSize } from "@/components/evidence/format";
import { DataTable } from "@/components/ui/data-table";
import { CHASE_RECORD_LIMIT, getSupervisionPage } from "@/lib/data/chase";
import { parseId } from "@/lib/validations/id";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const t = await getTranslations("chase.list");
  return { title: `${t("title")} ${(await params).id}` };
}

export default async function SupervisionPage({ params }: { params: Params }) {
  const id = parseId((await params).id);
  if (id === null) notFound();
  const [{ supervision: s, record, canRespond }, t, tReason, tEsc, format, locale] = await Promise.all([
    getSupervisionPage(id),
    getTranslations("chase.supervision"),
    getTranslations("chase.reason"),
    getTranslations("chase.escalation"),
    getFormatter(),
    getLocale(),
  ]);
  const at = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const lateAfter = (iso: string, day: string) =>
    new Date(iso).getTime() >= new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000 ? t("late") : "";
  /** A step of the 督办 (签收, 反馈): who did it and when, late when after its day; or that it is still to do. */
  const step = (done: { at: string | null; by: string | null; due: string }, line: string, notYet: string) =>
    done.at ? t(line, { who: done.by ?? "—", at: at(done.at) }) + lateAfter(done.at, done.due) : t(notYet);
  const overdue = s.reason === "ITEM_OVERDUE";
  return (
    <article className="stack">
      <h1>{t("title", { number: s.number })}</h1>
      {s.isSample && <p className="small muted">{t("sample")}</p>}
      <div className="two-col">
        <section className="card" aria-labelledby="notice">
          <h2 id="notice" className="visually-hidden">
            {s.number}
          </h2>
          <dl data-testid="supervision-facts">
            <dt>{t("unit")}</dt>
            <dd>{s.unit}</dd>
            <dt>{t("reason")}</dt>
            <dd>{tReason(s.reason)}</dd>
            {s.periodId !== null && (
              <>
                <dt>{t("period")}</dt>
                <dd>
                  <Link href={`/periods/${s.periodId}?show=missing&unit=${s.unitId}`}>
                    {locale === "en" ? (s.periodEn ?? s.period) : s.period}
                  </Link>
                </dd>
              </>
            )}
            <dt>{t("issuedOn")}</dt>
            <dd>{s.issuedOn}</dd>
            <dt>{t("acknowledgeBy")}</dt>
            <dd>{s.acknowledgeBy}</dd>
            <dt>{t("replyBy")}</dt>
            <dd>{s.replyBy}</dd>
          </dl>
        </section>
        <section className="card stack" aria-labelledby="status">
          <h2 id="status">{t("status")}</h2>
          <p data-testid="supervision-acknowledged">
            {step(
              { at: s.acknowledgedAt, by: s.acknowledgedBy, due: s.acknowledgeBy },
              "acknowledgedLine",
              "notAcknowledged",
            )}
          </p>
          <p data-testid="supervision-answered">
            {step({ at: s.answeredAt, by: s.answeredBy, due: s.replyBy }, "answeredLine", "notAnswered")}
          </p>
          {s.answer !== null && (
            <blockquote data-testid="supervision-answer" style={{ whiteSpace: "pre-wrap" }}>
              {s.answer}
            </blockquote>
          )}
          {s.escalatedAt && s.escalation && (
            <p data-testid="supervision-escalated">
              {t("escalatedLine", { at: at(s.escalatedAt), reason: tEsc(s.escalation) })}
            </p>
          )}
          {canRespond && s.acknowledgedAt === null && <AcknowledgeForm supervisionId={s.id} />}
          {canRespond && s.answeredAt === null && (
            <section aria-labelledby="answer-heading" className="stack">
              <h3 id="answer-heading">{t("answer")}</h3>
              <AnswerForm supervisionId={s.id} />
            </section>
          )}
        </section>
      </div>
      <Card id="items" heading={t("items")}>
        <DataTable
          testId="supervision-items"
          columns={[t("code"), t("item"), ...(overdue ? [t("dueDate"), t("daysOverdue")] : [])]}
        >
          {s.items.map((i) => (
            <tr key={i.itemId}>
              <td>
                <Link href={`/items/${i.code}`}>{i.code}</Link>
              </td>
              <td>{locale === "en" ? (i.titleEn ?? i.title) : i.title}</td>
              {overdue && (
                <>
                  <td>{i.dueDate}</td>
                  <td>{i.daysOverdue}</td>
                </>
              )}
            </tr>
          ))}
        </DataTable>
      </Card>
      <Card id="files" heading={t("files")}>
        {s.files.length === 0 ? (
          <p className="muted">{t("filesPending")}</p>
        ) : (
          <ul className="plain" data-testid="supervision-files">
            {s.files.map((f) => (
              <li key={f.format}>
                <a href={`/api/supervisions/${s.id}/files/${f.format}`} download={f.fileName}>
                  {t("download", { format: f.format.toUpperCase(), size: formatFileSize(f.size, locale) })}
                </a>{" "}
                <span className="small muted">{t("sha256", { sha: f.sha256 })}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card id="record" heading={t("record")}>
        <ChaseRecord events={record} limit={CHASE_RECORD_LIMIT} testId="supervision-record" />
      </Card>
    </article>
  );
}
