// Rows that carry their own English text (titleEn beside title): which one the reader sees. Chinese is the
// document's language and always present; the English is shown to English readers when there is one.

/** The row's title in the reader's language: its English title for an English reader when it has one. */
export function titleIn(row: { title: string; titleEn: string | null }, locale: string): string {
  return locale === "en" && row.titleEn ? row.titleEn : row.title;
}

/** A pillar's full name: in Chinese the title with its theme (“title：theme”), in English the English title. */
export function pillarNameIn(pillar: { title: string; titleEn: string; theme: string }, locale: string): string {
  return locale === "en" ? pillar.titleEn : `${pillar.title}：${pillar.theme}`;
}
