import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/permissions";
import type { SessionUser } from "@/lib/auth/session";

// Entry points by role. Convenience only: each page and action checks permission itself.
export async function MainNav({ user }: { user: SessionUser }) {
  const [t, tCycle, tChase, tRatings, tInvestment] = await Promise.all([
    getTranslations("nav"),
    getTranslations("cycle.nav"),
    getTranslations("chase"),
    getTranslations("ratings"),
    getTranslations("investment"),
  ]);
  const links = [
    { href: "/", label: t("dashboard"), show: can(user, "portfolio:read") },
    { href: "/items", label: t("items"), show: can(user, "portfolio:read") },
    { href: "/investment", label: tInvestment("nav"), show: can(user, "portfolio:read") },
    { href: "/my-items", label: t("myItems"), show: can(user, "item:post-update") },
    { href: "/review", label: tCycle("review"), show: can(user, "report:review") },
    { href: "/reports", label: t("reports"), show: can(user, "report:export") },
    { href: "/periods", label: t("periods"), show: can(user, "period:read") },
    { href: "/supervisions", label: tChase("nav"), show: can(user, "supervision:read") },
    { href: "/ratings", label: tRatings("nav"), show: can(user, "rating:read") },
    { href: "/admin", label: t("admin"), show: can(user, "user:manage") },
  ];
  return (
    <nav aria-label={t("label")} className="main-nav">
      <ul>
        {links
          .filter((l) => l.show)
          .map((l) => (
            <li key={l.href}>
              <Link href={l.href}>{l.label}</Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
