import { getTranslations } from "next-intl/server";
import { ImportForm } from "@/components/import/import-form";
import { requirePermission } from "@/lib/auth/session";
import { IMPORT_MAX_BYTES } from "@/lib/validations/import";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("import");
  return { title: t("title") };
}

/** Upload an exported items file, preview every change, then apply it all or nothing. */
export default async function ImportPage() {
  await requirePermission("item:import");
  const t = await getTranslations("import");
  return (
    <section className="stack">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <ImportForm maxBytes={IMPORT_MAX_BYTES} />
    </section>
  );
}
