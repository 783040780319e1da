import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PillarCard } from "@/components/home/pillar-card";
import { getHomeOverview } from "@/lib/data/overview";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [{ pillars, goals, conferences }, t, tApp, format, locale] = await Promise.all([
    getHomeOverview(),
    getTranslations("home"),
    getTranslations("app"),
    getFormatter(),
    getLocale(),
  ]);
  const en = locale === "en";
  return (
    <>
      <h1>{tApp("title")}</h1>
      {pillars.length === 0 ? (
        <p className="card">{t("empty")}</p>
      ) : (
        <>
          <section aria-labelledby="goals">
            <h2 id="goals">{t("goals")}</h2>
            <ul className="card stack">
              {goals.map((g) => (
                <li key={g.number}>{en ? g.titleEn : g.title}</li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="pillars">
            <h2 id="pillars">{t("pillars")}</h2>
            <div className="grid">
              {pillars.map((p) => (
                <PillarCard key={p.number} pillar={p} />
              ))}
            </div>
          </section>
          <section aria-labelledby="conferences">
            <h2 id="conferences">{t("conferences")}</h2>
            <ol className="timeline card">
              {conferences.map((c) => (
                <li key={c.number}>
                  <strong>
                    {t("conferenceNumber", { number: c.number })} · {format.dateTime(c.date, { dateStyle: "long", timeZone: "UTC" })}
                  </strong>
                  <div lang="zh-CN">{c.theme}</div>
                  <div className="small muted" lang="zh-CN">
                    {c.summary}
                  </div>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </>
  );
}
