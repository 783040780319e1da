import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import styles from "./admin.module.css";

export type AdminSection =
  "index" | "units" | "users" | "tree" | "cycle" | "calendar" | "ratings" | "audit" | "jobs" | "tokens" | "webhooks";
const HREF: Record<AdminSection, string> = {
  index: "/admin",
  units: "/admin/units",
  users: "/admin/users",
  tree: "/admin/tree",
  cycle: "/admin/cycle",
  calendar: "/admin/calendar",
  ratings: "/admin/ratings",
  audit: "/admin/audit",
  jobs: "/admin/jobs",
  tokens: "/admin/tokens",
  webhooks: "/admin/webhooks",
};

export async function AdminNav({ current }: { current: AdminSection }) {
  const t = await getTranslations("admin.nav");
  return (
    <nav aria-label={t("label")} className={styles.nav}>
      {(Object.keys(HREF) as AdminSection[]).map((s) => (
        <Link key={s} href={HREF[s]} aria-current={s === current ? "page" : undefined}>
          {t(s)}
        </Link>
      ))}
    </nav>
  );
}
