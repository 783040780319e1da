import { getFormatter, getTranslations } from "next-intl/server";
import { ItemEditForm } from "@/components/editing/item-edit-form";
import { ItemFormPage } from "@/components/editing/item-form-page";
import { MilestoneEditor } from "@/components/editing/milestone-editor";
import { InvestmentForm } from "@/components/investment/investment-form";
import { getItemForEdit } from "@/lib/data/item-edit";
import { isoDay, todayInChina } from "@/lib/dates";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("editing.edit");
  return { title: t("title") };
}

export default async function EditItemPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const [{ item, canAssignUnits, options }, t, tSide, format] = await Promise.all([
    getItemForEdit(decodeURIComponent(code)),
    getTranslations("editing"),
    getTranslations("side"),
    getFormatter(),
  ]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const tInvestment = await getTranslations("investment.form");
  const thisYear = Number(todayInChina().slice(0, 4));
  const yearChoices = [
    ...new Set([...item.investmentYears.map((y) => y.year), ...[-3, -2, -1, 0, 1, 2].map((d) => thisYear + d)]),
  ].sort((a, b) => a - b);
  const amount = (v: { toFixed(n: number): string } | null) => (v === null ? "" : v.toFixed(2));
  return (
    <ItemFormPage item={item} heading={t("edit.title")}>
      <div className="card stack">
        <h2>{t("edit.fieldsHeading")}</h2>
        {item.originalDueDate && (
          <p className="small muted">{t("edit.originalDueDate", { date: day(item.originalDueDate) })}</p>
        )}
        <ItemEditForm
          itemId={item.id}
          canAssignUnits={canAssignUnits}
          initial={{
            version: item.version,
            responsiblePerson: item.responsiblePerson ?? "",
            startDate: isoDay(item.startDate) ?? "",
            dueDate: isoDay(item.dueDate) ?? "",
            weight: String(item.weight),
            regionIds: item.regions.map((r) => r.regionId).sort((a, b) => a - b),
            conferenceIds: item.conferences.map((c) => c.conferenceId).sort((a, b) => a - b),
            leadUnitId: item.leadUnitId === null ? "" : String(item.leadUnitId),
            coLeadUnitId: item.coLeadUnitId === null ? "" : String(item.coLeadUnitId),
            supportingUnitIds: item.supportingUnits.map((s) => s.unitId).sort((a, b) => a - b),
          }}
          options={{
            regions: options.regions.map((r) => ({ id: r.id, label: `${r.name} · ${tSide(r.side)}` })),
            conferences: options.conferences.map((c) => ({
              id: c.id,
              label: `${t("edit.conferenceLabel", { number: c.number })} ${day(c.date)} ${c.theme}`,
            })),
            units: options.units.map((u) => ({ id: u.id, label: `${u.name} · ${tSide(u.side)}` })),
          }}
        />
      </div>
      {item.level === "ACTION" && (
        <div className="card stack">
          <h2>{tInvestment("heading")}</h2>
          <InvestmentForm
            itemId={item.id}
            version={item.version}
            initial={{
              totalInvestment: amount(item.totalInvestment),
              sichuanShare: amount(item.sichuanShare),
              chongqingShare: amount(item.chongqingShare),
            }}
            years={Object.fromEntries(
              item.investmentYears.map((y) => [y.year, { planned: amount(y.planned), completed: amount(y.completed) }]),
            )}
            yearChoices={yearChoices}
            defaultYear={thisYear}
          />
        </div>
      )}
      <div className="card stack">
        <h2>{t("milestones.heading")}</h2>
        <MilestoneEditor
          itemId={item.id}
          milestones={item.milestones.map((m) => ({
            id: m.id,
            title: m.title,
            plannedDate: isoDay(m.plannedDate),
            completedDate: isoDay(m.completedDate),
          }))}
        />
      </div>
    </ItemFormPage>
  );
}
