import { useTranslations } from "next-intl";
import type { ItemLight } from "@/lib/item-light";

/** A shape per light, so the badge reads without colour (and in black-and-white print) too. */
const SHAPE: Record<ItemLight, string> = { RED: "■", AMBER: "▲", GREEN: "●" };

/**
 * An item's 红黄灯 (lib/item-light.ts): colour, a shape and words (红灯 · 已逾期), so nothing rests on colour;
 * the shape is hidden from screen readers, which read the words. Nothing for an item without a light.
 */
export function LightBadge({ light, title }: { light: ItemLight | null; title?: string }) {
  const t = useTranslations("lights");
  if (light === null) return null;
  return (
    <span className={`badge badge--${light} light-badge`} data-light={light} title={title}>
      <span aria-hidden="true">{SHAPE[light]} </span>
      {t("text", { name: t(`name.${light}`), meaning: t(`meaning.${light}`) })}
    </span>
  );
}
