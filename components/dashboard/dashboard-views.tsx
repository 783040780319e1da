import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { withDates, type AsOfSelection } from "@/lib/as-of-selection";
import { DASHBOARD_VIEWS, VIEW_PARAM, type DashboardView } from "@/lib/validations/dashboard";
import styles from "./dashboard.module.css";

/** The dashboard URL of `view` at the same moment (as-of and compare days kept; the other views' own options not). */
function viewHref(view: DashboardView, selection: AsOfSelection): string {
  return withDates("/", selection, view === "overview" ? {} : { [VIEW_PARAM]: view });
}

/** The dashboard's views as links: each is its own page, so they work without JavaScript and open in a new tab. */
export async function DashboardViews({ current, selection }: { current: DashboardView; selection: AsOfSelection }) {
  const t = await getTranslations("dashboard.views");
  return (
    <nav className={styles.views} aria-label={t("label")} data-testid="dashboard-views">
      {DASHBOARD_VIEWS.map((view) => (
        <Link key={view} href={viewHref(view, selection)} aria-current={view === current ? "page" : undefined}>
          {t(view)}
        </Link>
      ))}
    </nav>
  );
}
