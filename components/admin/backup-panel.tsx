import { basename } from "node:path";
import { getFormatter, getTranslations } from "next-intl/server";
import type { BackupRunRow, BackupStatus } from "@/lib/queries/backups";
import { Card } from "@/components/ui/card";

const BADGE: Record<BackupStatus["state"], string> = {
  off: "badge",
  invalid: "badge badge--RED",
  waiting: "badge",
  running: "badge badge--AMBER",
  ok: "badge badge--GREEN",
  failed: "badge badge--RED",
};

/** /admin: the scheduled backups (BACKUP_DIR) — their settings, the last run and the last good one, the next run. */
export async function BackupPanel({ status, now }: { status: BackupStatus; now: Date }) {
  const [t, format] = await Promise.all([getTranslations("backups"), getFormatter()]);
  const when = (d: Date) => (
    <time dateTime={d.toISOString()}>{format.dateTime(d, { dateStyle: "medium", timeStyle: "short" })}</time>
  );
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? t("kb", { n: format.number(bytes / 1024, { maximumFractionDigits: 0 }) })
      : t("mb", { n: format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 }) });
  const run = (r: BackupRunRow) => (
    <>
      {when(r.startedAt)}
      {r.finishedAt === null ? null : r.error === null ? (
        <>
          {" · "}
          <code>{basename(r.file)}</code> · {size(r.size ?? 0)}
          <div className="small muted">
            sha256 <code>{r.sha256}</code>
          </div>
        </>
      ) : (
        <pre className="small" style={{ whiteSpace: "pre-wrap", margin: 0 }}>
          {r.error}
        </pre>
      )}
    </>
  );
  return (
    <Card id="backup-panel" heading={t("title")}>
      <div data-testid="backup-panel" data-state={status.state}>
        {status.state === "off" ? (
          <p className="muted" data-testid="backup-empty">
            {t("off")}
          </p>
        ) : (
          <dl className="small">
            <dt>{t("state")}</dt>
            <dd>
              <span className={BADGE[status.state]}>{t(`states.${status.state}`)}</span>
              {status.state === "invalid" && <code> {status.message}</code>}
              {status.state === "failed" && status.lastRun?.finishedAt === null && <> {t("interrupted")}</>}
            </dd>
            {status.dir !== null && (
              <>
                <dt>{t("schedule")}</dt>
                <dd>
                  {t("scheduleValue", { at: status.at ?? "", keep: status.keep ?? 0, kept: status.keptFiles })}
                  <div>
                    <code>{status.dir}</code>
                  </div>
                </dd>
                <dt>{t("next")}</dt>
                <dd>
                  {status.nextRunAt && status.nextRunAt.getTime() <= now.getTime()
                    ? t("nextDue")
                    : status.nextRunAt && when(status.nextRunAt)}
                </dd>
              </>
            )}
            <dt>{t("lastRun")}</dt>
            <dd data-testid="backup-last-run">{status.lastRun ? run(status.lastRun) : t("never")}</dd>
            {status.lastSuccess && status.lastSuccess.id !== status.lastRun?.id && (
              <>
                <dt>{t("lastSuccess")}</dt>
                <dd>{run(status.lastSuccess)}</dd>
              </>
            )}
          </dl>
        )}
        <p className="small muted">{t("restoreHint")}</p>
      </div>
    </Card>
  );
}
