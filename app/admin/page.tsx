import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { BackupPanel } from "@/components/admin/backup-panel";
import { now } from "@/lib/clock";
import { requireAdminArea } from "@/lib/data/admin";
import { getBackupStatus } from "@/lib/data/backups";

export const dynamic = "force-dynamic";

const SECTIONS = [
  { key: "units", href: "/admin/units", permission: "unit:manage" },
  { key: "users", href: "/admin/users", permission: "user:manage" },
  { key: "tree", href: "/admin/tree", permission: "item:manage-tree" },
  { key: "cycle", href: "/admin/cycle", permission: "cycle:configure" },
  { key: "calendar", href: "/admin/calendar", permission: "calendar:manage" },
  { key: "ratings", href: "/admin/ratings", permission: "rating:configure" },
  { key: "audit", href: "/admin/audit", permission: "audit:read" },
  { key: "jobs", href: "/admin/jobs", permission: "jobs:manage" },
  { key: "webhooks", href: "/admin/webhooks", permission: "webhook:manage" },
] as const;

export default async function AdminPage() {
  const [{ allowed }, t] = await Promise.all([requireAdminArea(), getTranslations("admin")]);
  // the scheduled backups' state, for those who run the service (jobs:manage)
  const backups = (allowed as readonly string[]).includes("jobs:manage") ? await getBackupStatus() : null;
  return (
    <section>
      <h1>{t("title")}</h1>
      <AdminNav current="index" />
      <p>{t("intro")}</p>
      <ul className="grid plain">
        {SECTIONS.filter((s) => (allowed as readonly string[]).includes(s.permission)).map((s) => (
          <li key={s.key} className="card">
            <h2 style={{ marginTop: 0 }}>
              <Link href={s.href}>{t(`nav.${s.key}`)}</Link>
            </h2>
            <p className="small muted">{t(`navHint.${s.key}`)}</p>
          </li>
        ))}
      </ul>
      {backups && <BackupPanel status={backups} now={now()} />}
    </section>
  );
}
