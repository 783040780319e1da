import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";
import styles from "@/components/admin/admin.module.css";
import { UserApproveForm } from "@/components/admin/user-approve-form";
import { UserCreateForm } from "@/components/admin/user-create-form";
import { UserDisableToggle } from "@/components/admin/user-disable-toggle";
import { UserEditForm } from "@/components/admin/user-edit-form";
import { UserPasswordForm } from "@/components/admin/user-password-form";
import { listAccounts, listUnitOptions } from "@/lib/data/admin";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const [{ me, users }, units, t, tRole] = await Promise.all([
    listAccounts(),
    listUnitOptions(),
    getTranslations("admin"),
    getTranslations("auth.role"),
  ]);
  const pending = users.filter((u) => u.pendingApproval);
  const accounts = users.filter((u) => !u.pendingApproval);
  return (
    <section>
      <h1>{t("users.title")}</h1>
      <AdminNav current="users" />

      {pending.length > 0 && (
        <Card id="pending-heading" heading={t("users.pending")}>
          <p className="small">{t("users.pendingIntro")}</p>
          <ul className="plain">
            {pending.map((u) => (
              <li key={u.id} data-testid={`pending-${u.loginName}`}>
                <strong>{u.displayName}</strong> <span className="muted">{u.loginName}</span> · {t("users.sso")}
                <UserApproveForm user={u} units={units} />
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card id="user-create" heading={t("users.create")}>
        <UserCreateForm units={units} />
      </Card>

      <h2>{t("users.list", { count: accounts.length })}</h2>
      <AdminTable
        columns={(["loginName", "displayName", "role", "unit", "status", "actions"] as const).map((c) =>
          t(`users.${c}`),
        )}
      >
        {accounts.map((u) => (
          <tr key={u.id} data-testid={`user-${u.loginName}`}>
            <td>
              {u.loginName}
              {u.id === me && <span className="small muted"> {t("users.you")}</span>}
              {u.sso && <div className="small muted">{t("users.sso")}</div>}
            </td>
            <td>{u.displayName}</td>
            <td>
              {tRole(u.role)}
              {u.coordinatorScope && <div className="small muted">{t(`users.scope.${u.coordinatorScope}`)}</div>}
            </td>
            <td>{u.unit?.name ?? t("none")}</td>
            <td>
              <span className={`${styles.status} ${u.disabled ? styles.statusDisabled : ""}`}>
                {u.disabled ? t("users.disabled") : t("users.active")}
              </span>
            </td>
            <td className="stack">
              <details className={styles.details}>
                <summary>{t("users.edit")}</summary>
                <UserEditForm user={u} units={units} />
              </details>
              <details className={styles.details}>
                <summary>{t("users.resetPassword")}</summary>
                <UserPasswordForm user={u} />
              </details>
              {u.id !== me && <UserDisableToggle user={u} />}
            </td>
          </tr>
        ))}
      </AdminTable>
    </section>
  );
}
