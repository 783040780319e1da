import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import styles from "./browse.module.css";

/**
 * Previous / page N of M / next, as links (keyboard and no-JS friendly) built by `href`, which keeps the
 * view's filters. Nothing when there is one page. Used by the items list and the pillar page.
 */
export async function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const t = await getTranslations("browse");
  return (
    <nav className={styles.pagination} aria-label={t("pagination")}>
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          {t("prev")}
        </Link>
      ) : (
        <span aria-disabled="true">{t("prev")}</span>
      )}
      <span aria-current="page">{t("pageOf", { page, pages })}</span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span aria-disabled="true">{t("next")}</span>
      )}
    </nav>
  );
}
