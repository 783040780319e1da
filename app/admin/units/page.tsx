import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { UnitForm } from "@/components/admin/unit-form";
import styles from "@/components/admin/admin.module.css";
import { listUnitsWithCounts } from "@/lib/data/admin";

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
      <section className="card" aria-labelledby="unit-create">
        <h2 id="unit-create">{t("units.create")}</h2>
        <UnitForm />
      </section>
      <h2>{t("units.list", { count: units.length })}</h2>
      <div className={styles.tableWrap}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("units.name")}</th>
              <th scope="col">{t("units.side")}</th>
              <th scope="col">{t("units.kind")}</th>
              <th scope="col">{t("units.accounts")}</th>
              <th scope="col">{t("units.items")}</th>
              <th scope="col">{t("units.edit")}</th>
            </tr>
          </thead>
          <tbody>
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
                    <UnitForm unit={{ id: u.id, name: u.name, shortName: u.shortName, side: u.side, kind: u.kind }} />
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
