import { getFormatter, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { CalendarEntryForm, RemoveCalendarEntryForm } from "@/components/chase/calendar-forms";
import { DataTable, headings } from "@/components/ui/data-table";
import { getCalendarPage } from "@/lib/data/chase";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("chase.calendar");
  return { title: t("title") };
}

export default async function CalendarPage() {
  const [{ entries, years, uncovered }, t, format] = await Promise.all([
    getCalendarPage(),
    getTranslations("chase.calendar"),
    getFormatter(),
  ]);
  const covered = years.filter((y) => !uncovered.includes(y));
  return (
    <section className="stack">
      <h1>{t("title")}</h1>
      <AdminNav current="calendar" />
      <p className="small">{t("intro")}</p>
      {uncovered.length > 0 && (
        <p role="alert" className="card" data-testid="calendar-uncovered">
          {t("uncovered", { years: uncovered.join("、") })}
        </p>
      )}
      {covered.length > 0 && (
        <p className="small muted" data-testid="calendar-covered">
          {t("covered", { years: covered.join("、") })}
        </p>
      )}
      <Card id="calendar-add" heading={t("add")}>
        <CalendarEntryForm />
      </Card>
      <h2>{t("entries", { count: entries.length })}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <DataTable
          testId="calendar-entries"
          columns={headings(t, ["day", "type", "name", "updatedBy", "updatedAt", "actions"])}
        >
          {entries.map((e) => (
            <tr key={e.day}>
              <th scope="row">{e.day}</th>
              <td>{e.workday ? t("workday") : t("off")}</td>
              <td>{e.name}</td>
              <td>{e.updatedBy}</td>
              <td>{format.dateTime(new Date(e.updatedAt), { dateStyle: "medium", timeStyle: "short" })}</td>
              <td>
                <RemoveCalendarEntryForm day={e.day} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
