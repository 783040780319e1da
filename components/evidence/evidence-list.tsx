// The evidence files (佐证材料) of one report: name, type, size, who uploaded them and when, each a download
// link (GET /api/evidence/<id>, always an attachment). When the report is still open to its unit (`editable`,
// decided by the page, and checked again by every write) it also offers removing a file and uploading more.
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";
import { listEvidence } from "@/lib/data/evidence";
import { ACCEPTED_EXTENSIONS, kindOfMediaType } from "@/lib/file-kind";
import { EVIDENCE_FILE_MAX_BYTES, EVIDENCE_REPORT_MAX_BYTES } from "@/lib/validations/evidence";
import { EvidenceRemove } from "./evidence-remove";
import { EvidenceUploader } from "./evidence-uploader";
import { formatFileSize } from "./format";
import styles from "./evidence.module.css";

const MB = 1024 * 1024;

export async function EvidencePanel({ reportId, editable }: { reportId: number; editable: boolean }) {
  const [t, format, locale, files] = await Promise.all([
    getTranslations("evidence"),
    getFormatter(),
    getLocale(),
    listEvidence(reportId),
  ]);
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const titleId = `evidence-${reportId}-title`;
  const panel = (
    <section className={styles.panel} aria-labelledby={titleId} data-testid="evidence-panel">
      <h3 id={titleId}>{t("title")}</h3>
      {files.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <table className={styles.files}>
          <caption className="small muted">
            {t("count", { count: files.length, size: formatFileSize(total, locale) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.name")}</th>
              <th scope="col">{t("columns.kind")}</th>
              <th scope="col">{t("columns.size")}</th>
              <th scope="col">{t("columns.uploadedBy")}</th>
              <th scope="col">{t("columns.uploadedAt")}</th>
              {editable && <th scope="col">{t("columns.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {files.map((file) => {
              const kind = kindOfMediaType(file.mediaType);
              return (
                <tr key={file.id} data-testid="evidence-file">
                  <td className={styles.name}>
                    {/* The name is user text: React escapes it. The link downloads; it never opens inline. */}
                    <a
                      href={`/api/evidence/${file.id}`}
                      download={file.fileName}
                      aria-label={t("downloadLabel", { name: file.fileName })}
                    >
                      {file.fileName}
                    </a>
                  </td>
                  <td>{kind ? t(`kinds.${kind}`) : file.mediaType}</td>
                  <td className={styles.size}>{formatFileSize(file.size, locale)}</td>
                  <td>{file.uploadedBy ?? t("unknownUploader")}</td>
                  <td>
                    <time dateTime={file.createdAt.toISOString()}>
                      {format.dateTime(file.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </time>
                  </td>
                  {editable && (
                    <td>
                      <EvidenceRemove attachmentId={file.id} fileName={file.fileName} />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {editable && (
        <EvidenceUploader
          reportId={reportId}
          accept={ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(",")}
          maxBytes={EVIDENCE_FILE_MAX_BYTES}
          hint={t("hint", { fileMax: EVIDENCE_FILE_MAX_BYTES / MB, reportMax: EVIDENCE_REPORT_MAX_BYTES / MB })}
        />
      )}
    </section>
  );
  // Only an editable panel has client leaves (remove, upload); they get their strings once, around it all.
  return editable ? <EvidenceLeaves>{panel}</EvidenceLeaves> : panel;
}

/** The strings the client leaves translate, whatever page the panel sits on. */
async function EvidenceLeaves({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider
      messages={{ evidence: messages.evidence, actionErrors: messages.actionErrors, validation: messages.validation }}
    >
      {children}
    </NextIntlClientProvider>
  );
}
