import { getLocale, getTranslations } from "next-intl/server";
import { listGoals } from "@/lib/data/goals";
import { titleIn } from "@/lib/i18n/localized";

export async function GoalsPanel() {
  const [goals, t, locale] = await Promise.all([listGoals(), getTranslations("goals"), getLocale()]);
  if (goals.length === 0) return null;
  return (
    <section aria-labelledby="goals-heading" className="card" style={{ marginTop: "1rem" }}>
      <details>
        <summary>
          <h2 id="goals-heading" style={{ display: "inline", fontSize: "1.1rem" }}>
            {t("heading")}
          </h2>
        </summary>
        <p className="muted small">{t("intro")}</p>
        <ol>
          {goals.map((g) => (
            <li key={g.number}>{titleIn(g, locale)}</li>
          ))}
        </ol>
      </details>
    </section>
  );
}
