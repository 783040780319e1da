import { getTranslations } from "next-intl/server";
import type { Confidence, ItemStatus } from "@/lib/generated/prisma/enums";

export async function StatusBadge({ status }: { status: ItemStatus }) {
  const t = await getTranslations("status");
  return <span className={`badge badge--${status}`}>{t(status)}</span>;
}

export async function ConfidenceBadge({ confidence }: { confidence: Confidence | null }) {
  if (!confidence) return null;
  const t = await getTranslations("confidence");
  return <span className={`badge badge--${confidence}`}>{t(confidence)}</span>;
}
