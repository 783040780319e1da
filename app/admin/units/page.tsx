import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminTable } from "@/components/admin/admin-table";
import { UnitForm } from "@/components/admin/unit-form";
import styles from "@/components/admin/admin.module.css";
import { listUnitsWithCounts } from "@/lib/data/admin";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export default async function UnitsPage() {
  const [units, t, tSide] = await Promise.all([
    listUnitsWithCounts(),
    getTranslations("admin"),
    getTranslations("side"),
  ]);
  return (
    <section>
      <h1>{t("units.title")}</h1>
      <AdminNav current="units" />
      <Card id="unit-create" heading={t("units.create")}>
        <UnitForm />
      </Card>
      <h2>{t("units.list", { count: units.length })}</h2>
      <AdminTable
        columns={(["name", "side", "kind", "accounts", "items", "edit"] as const).map((c) => t(`units.${c}`))}
      >
        {units.map((u) => (
          <tr key={u.id} data-testid={`unit-${u.id}`}>
            <td>
              {u.name}
              {u.shortName && <span className="small muted">（{u.shortName}）</span>}
              {u.isSample && <span className="small muted"> · {t("units.sample")}</span>}
            </td>
            <td>{tSide(u.side)}</td>
            <td>{t(`unitKind.${u.kind}`)}</td>
            <td>{u._count.users}</td>
            <td>{u._count.leadItems + u._count.coLeadItems + u._count.supportingItems}</td>
            <td>
              <details className={styles.details}>
                <summary>{t("units.edit")}</summary>
                <UnitForm
                  unit={{
                    id: u.id,
                    name: u.name,
                    shortName: u.shortName,
                    side: u.side,
                    kind: u.kind,
                    contactUserId: u.contactUserId,
                    accounts: u.users.map((a) => ({ id: a.id, label: `${a.displayName}（${a.loginName}）` })),
                  }}
                />
              </details>
            </td>
          </tr>
        ))}
      </AdminTable>
    </section>
  );
}
