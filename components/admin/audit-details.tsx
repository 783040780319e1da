import { getTranslations } from "next-intl/server";
import styles from "./admin.module.css";

interface Change {
  from?: unknown;
  to?: unknown;
}

/** One audit row's details as "field: old → new" lines, values translated where they are codes. */
export async function AuditDetails({ details }: { details: unknown }) {
  const [t, tRole, tSide] = await Promise.all([
    getTranslations("admin"),
    getTranslations("auth.role"),
    getTranslations("side"),
  ]);
  const d = (details ?? {}) as {
    changes?: Record<string, Change>;
    reason?: string | null;
    alsoAffected?: string[];
    label?: string;
    [key: string]: unknown;
  };

  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return t("none");
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    const s = String(value);
    if (field === "role" && tRole.has(s as never)) return tRole(s as never);
    if (field === "side" && tSide.has(s as never)) return tSide(s as never);
    if (field === "kind" && t.has(`unitKind.${s}` as never)) return t(`unitKind.${s}` as never);
    if (field === "parent" && s.startsWith("pillar:")) return t("audit.pillarRef", { number: s.slice(7) });
    return s;
  };
  const label = (field: string) =>
    t.has(`audit.fields.${field}` as never) ? t(`audit.fields.${field}` as never) : field;

  const changes = Object.entries(d.changes ?? {});
  // Rows written by the system (e.g. a single sign-on request) carry plain values rather than changes.
  const plain = Object.entries(d).filter(
    ([k, v]) =>
      !["changes", "reason", "alsoAffected", "label"].includes(k) && (typeof v === "string" || typeof v === "number"),
  );
  return (
    <div>
      {changes.length > 0 && (
        <ul className={styles.changes}>
          {changes.map(([field, c]) => (
            <li key={field}>
              {label(field)}：{"from" in c ? `${show(field, c.from)} → ${show(field, c.to)}` : show(field, c.to)}
            </li>
          ))}
        </ul>
      )}
      {plain.length > 0 && (
        <ul className={styles.changes}>
          {plain.map(([k, v]) => (
            <li key={k}>
              {label(k)}：{String(v)}
            </li>
          ))}
        </ul>
      )}
      {d.reason && <div className="small">{t("audit.reason", { reason: d.reason })}</div>}
      {d.alsoAffected && d.alsoAffected.length > 0 && (
        <div className="small muted">{t("audit.alsoAffected", { codes: d.alsoAffected.join("、") })}</div>
      )}
    </div>
  );
}
