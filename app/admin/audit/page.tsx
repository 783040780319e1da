import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";
import styles from "@/components/admin/admin.module.css";
import { AuditDetails } from "@/components/admin/audit-details";
import { AUDIT_TARGET_TYPES, listAuditLog } from "@/lib/data/admin";
import { Options } from "@/components/forms/options";
import { headings } from "@/components/ui/data-table";

export const dynamic = "force-dynamic";

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string; type?: string }> }) {
  const params = await searchParams;
  const [log, t, format] = await Promise.all([
    listAuditLog({
      page: typeof params.page === "string" ? params.page : undefined,
      type: typeof params.type === "string" ? params.type : undefined,
    }),
    getTranslations("admin.audit"),
    getFormatter(),
  ]);
  const pageHref = (page: number) =>
    `/admin/audit?${new URLSearchParams({ ...(log.type ? { type: log.type } : {}), page: String(page) })}`;
  const actionLabel = (action: string) =>
    t.has(`actions.${action}` as never) ? t(`actions.${action}` as never) : action;

  return (
    <section>
      <h1>{t("title")}</h1>
      <AdminNav current="audit" />
      <p className="small">{t("intro")}</p>
      <form method="get" className={styles.inline}>
        <label htmlFor="audit-type">{t("filter")}</label>
        <select id="audit-type" name="type" defaultValue={log.type ?? ""}>
          <option value="">{t("all")}</option>
          <Options items={AUDIT_TARGET_TYPES} label={(type) => t(`types.${type}`)} />
        </select>
        <button type="submit" className={styles.secondary}>
          {t("apply")}
        </button>
      </form>
      {log.rows.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <AdminTable testId="audit-log" columns={headings(t, ["when", "who", "what", "target", "details"])}>
          {log.rows.map((row) => {
            const label = (row.details as { label?: string } | null)?.label;
            const typeLabel = t.has(`types.${row.targetType}` as never)
              ? t(`types.${row.targetType}` as never)
              : row.targetType;
            return (
              <tr key={row.id.toString()}>
                <td>
                  <time dateTime={row.at.toISOString()}>
                    {format.dateTime(row.at, { dateStyle: "medium", timeStyle: "medium" })}
                  </time>
                </td>
                <td>{row.actor ? `${row.actor.displayName}（${row.actor.loginName}）` : t("system")}</td>
                <td>{actionLabel(row.action)}</td>
                <td>
                  {typeLabel}{" "}
                  {row.targetType === "item" && label ? (
                    <Link href={`/items/${label}`}>{label}</Link>
                  ) : (
                    (label ?? (row.targetId ? `#${row.targetId}` : ""))
                  )}
                </td>
                <td>
                  <AuditDetails details={row.details} />
                </td>
              </tr>
            );
          })}
        </AdminTable>
      )}
      <nav
        className={styles.pager}
        aria-label={t("pageOf", { page: log.page, pages: log.pageCount, total: log.total })}
      >
        {log.page > 1 && <Link href={pageHref(log.page - 1)}>{t("prev")}</Link>}
        <span>{t("pageOf", { page: log.page, pages: log.pageCount, total: log.total })}</span>
        {log.page < log.pageCount && <Link href={pageHref(log.page + 1)}>{t("next")}</Link>}
      </nav>
    </section>
  );
}
