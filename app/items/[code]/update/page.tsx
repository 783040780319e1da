import { getTranslations } from "next-intl/server";
import { ItemFormPage } from "@/components/editing/item-form-page";
import { ProgressUpdateForm } from "@/components/editing/progress-update-form";
import { ConfidenceBadge, StatusBadge } from "@/components/ui/badges";
import { getItemForUpdate } from "@/lib/data/item-edit";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("editing.update");
  return { title: t("title") };
}

export default async function PostUpdatePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const [{ item }, t] = await Promise.all([getItemForUpdate(decodeURIComponent(code)), getTranslations("editing")]);
  return (
    <ItemFormPage
      item={item}
      heading={t("update.title")}
      summary={
        <>
          {" · "}
          <StatusBadge status={item.status} /> <ConfidenceBadge confidence={item.confidence} />
          {item.progress !== null && <span className="small"> {item.progress}%</span>}
        </>
      }
    >
      <div className="card">
        <ProgressUpdateForm
          defaults={{
            itemId: item.id,
            code: item.code,
            version: item.version,
            status: item.status,
            progress: item.progress,
            confidence: item.confidence,
          }}
        />
      </div>
    </ItemFormPage>
  );
}
