import Link from "@/components/ui/link";
import { titleIn } from "@/lib/i18n/localized";

/** An item named by its code and title in the page's language, linked to its page (or to `href`, e.g. as of a day). */
export function ItemLink({
  item,
  locale,
  href,
}: {
  item: { code: string; title: string; titleEn: string | null };
  locale: string;
  href?: string;
}) {
  return (
    <Link href={href ?? `/items/${item.code}`}>
      {item.code} {titleIn(item, locale)}
    </Link>
  );
}
