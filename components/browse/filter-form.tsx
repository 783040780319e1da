import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { FilterOptions } from "@/lib/data/browse";
import { ITEM_STATUSES } from "@/lib/status";
import { CONFIDENCES, LEVELS, PAGE_SIZES, SIDES, SORT_KEYS, type BrowseQuery } from "@/lib/validations/browse";
import { withDates, type AsOfSelection } from "@/lib/as-of-selection";
import { ITEM_LIGHTS } from "@/lib/item-light";
import styles from "./browse.module.css";
import { CleanGetForm } from "./clean-get-form";
import { titleIn } from "@/lib/i18n/localized";
import { Options } from "@/components/forms/options";

/** The yes/no filters, as checkboxes. */
const FLAGS = ["overdue", "stale", "open", "attention", "leadOnly"] as const;

/**
 * A GET form: submitting it rewrites the URL, so it works without JavaScript and every view is a link. The date selection travels in hidden fields; the page number is dropped (new filters, first page).
 */
export async function FilterForm({
  query,
  options,
  asOf,
}: {
  query: BrowseQuery;
  options: FilterOptions;
  asOf: AsOfSelection;
}) {
  const [t, tStatus, tConfidence, tLevel, tSide, format, locale, tLight] = await Promise.all([
    getTranslations("browse"),
    getTranslations("status"),
    getTranslations("confidence"),
    getTranslations("level"),
    getTranslations("side"),
    getFormatter(),
    getLocale(),
    getTranslations("lights"),
  ]);
  const any = <option value="">{t("any")}</option>;
  return (
    <CleanGetForm action="/items" label={t("filters")}>
      <fieldset className={styles.filters}>
        <legend>{t("filters")}</legend>
        {asOf.asOf && <input type="hidden" name="asOf" value={asOf.asOf} />}
        {asOf.compare && <input type="hidden" name="compare" value={asOf.compare} />}
        <label className={styles.field}>
          <span>{t("q")}</span>
          <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={100} aria-describedby="q-hint" />
          <span id="q-hint" className={styles.hint}>
            {t("qHint")}
          </span>
        </label>
        <label className={styles.field}>
          <span>{t("pillar")}</span>
          <select name="pillar" defaultValue={query.pillar ?? ""}>
            {any}
            <Options
              items={options.pillars}
              value={(p) => p.number}
              label={(p) => t("pillarOption", { number: p.number, title: titleIn(p, locale) })}
            />
          </select>
        </label>
        <label className={styles.field}>
          <span>{t("level")}</span>
          <select name="level" defaultValue={query.level ?? ""}>
            {any}
            <Options items={LEVELS} label={(l) => tLevel(l)} />
          </select>
        </label>
        <label className={styles.field}>
          <span>{t("status")}</span>
          <select name="status" defaultValue={query.status ?? ""}>
            {any}
            <Options items={ITEM_STATUSES} label={(s) => tStatus(s)} />
          </select>
        </label>
        <label className={styles.field}>
          <span>{t("confidence")}</span>
          <select name="confidence" defaultValue={query.confidence ?? ""}>
            {any}
            <Options items={CONFIDENCES} label={(c) => tConfidence(c)} />
            <option value="NONE">{t("noConfidence")}</option>
          </select>
        </label>
        <label className={styles.field}>
          <span>{t("light")}</span>
          <select name="light" defaultValue={query.light ?? ""}>
            {any}
            {ITEM_LIGHTS.map((l) => (
              <option key={l} value={l}>
                {tLight("text", { name: tLight(`name.${l}`), meaning: tLight(`meaning.${l}`) })}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span>{t("unit")}</span>
          <select name="unit" defaultValue={query.unit ?? ""}>
            {any}
            <Options
              items={options.units}
              value={(u) => u.id}
              label={(u) => `${u.name}（${tSide(u.side as never)}）`}
            />
          </select>
        </label>
        <label className={styles.field}>
          <span>{t("side")}</span>
          <select name="side" defaultValue={query.side ?? ""}>
            {any}
            <Options items={SIDES} label={(s) => tSide(s)} />
          </select>
        </label>
        <label className={styles.field}>
          <span>{t("region")}</span>
          <select name="region" defaultValue={query.region ?? ""}>
            {any}
            <Options
              items={options.regions}
              value={(r) => r.id}
              label={(r) => `${r.name}（${tSide(r.side as never)}）`}
            />
          </select>
        </label>
        <label className={styles.field}>
          <span>{t("conference")}</span>
          <select name="conference" defaultValue={query.conference ?? ""}>
            {any}
            <Options
              items={options.conferences}
              value={(c) => c.number}
              label={(c) =>
                t("conferenceOption", {
                  number: c.number,
                  date: format.dateTime(c.date, { dateStyle: "medium", timeZone: "UTC" }),
                })
              }
            />
          </select>
        </label>
        <label className={styles.field}>
          <span>{t("sort")}</span>
          <select name="sort" defaultValue={query.sort}>
            <Options items={SORT_KEYS} label={(k) => t(`sortKeys.${k}`)} />
          </select>
        </label>
        <label className={styles.field}>
          <span>{t("dir")}</span>
          <select name="dir" defaultValue={query.dir}>
            <option value="asc">{t("asc")}</option>
            <option value="desc">{t("desc")}</option>
          </select>
        </label>
        <label className={styles.field}>
          <span>{t("size")}</span>
          <select name="size" defaultValue={String(query.size)}>
            {(PAGE_SIZES as readonly number[]).includes(query.size) ? null : (
              <option value={query.size}>{query.size}</option>
            )}
            <Options items={PAGE_SIZES} label={(n) => n} />
          </select>
        </label>
        {FLAGS.map((flag) => (
          <label key={flag} className={styles.check}>
            <input type="checkbox" name={flag} value="1" defaultChecked={!!query[flag]} />
            <span>{t(flag)}</span>
          </label>
        ))}
        <div className={styles.actions}>
          <button type="submit" className={styles.button}>
            {t("apply")}
          </button>
          <Link href={clearHref(asOf)}>{t("clear")}</Link>
        </div>
      </fieldset>
    </CleanGetForm>
  );
}

/** The list with no filters, keeping the selected dates. */
export function clearHref(asOf: AsOfSelection): string {
  return withDates("/items", asOf);
}
