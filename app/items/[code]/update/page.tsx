import { getTranslations } from "next-intl/server";
import { ItemFormPage } from "@/components/editing/item-form-page";
import { ProgressUpdateForm } from "@/components/editing/progress-update-form";
import { EvidencePanel } from "@/components/evidence/evidence-list";
import { ConfidenceBadge, StatusBadge } from "@/components/ui/badges";
import { getItemForUpdate } from "@/lib/data/item-edit";
import { getOpenReport, isReviewRequired } from "@/lib/data/reviews";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("editing.update");
  return { title: t("title") };
}

export default async function PostUpdatePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const [{ user, item }, t] = await Promise.all([
    getItemForUpdate(decodeURIComponent(code)),
    getTranslations("editing"),
  ]);
  const [report, reviewRequired] = await Promise.all([getOpenReport(user, item.id), isReviewRequired()]);
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
          report={report}
          reviewRequired={reviewRequired}
          // A saved report's evidence (佐证材料): listed, and uploaded or removed while it is the unit's to change.
          evidence={report ? <EvidencePanel reportId={report.id} editable /> : null}
        />
      </div>
    </ItemFormPage>
  );
}
