import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { FilterOptions } from "@/lib/data/browse";
import { ITEM_STATUSES } from "@/lib/status";
import { CONFIDENCES, LEVELS, PAGE_SIZES, SIDES, SORT_KEYS, type BrowseQuery } from "@/lib/validations/browse";
import type { AsOfSelection } from "@/lib/as-of-selection";
import { ITEM_LIGHTS } from "@/lib/item-light";
import styles from "./browse.module.css";
import { CleanGetForm } from "./clean-get-form";
import { titleIn } from "@/lib/i18n/localized";

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
            {options.pillars.map((p) => (
              <option key={p.number} value={p.number}>
                {t("pillarOption", { number: p.number, title: titleIn(p, locale) })}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span>{t("level")}</span>
          <select name="level" defaultValue={query.level ?? ""}>
            {any}
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {tLevel(l)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span>{t("status")}</span>
          <select name="status" defaultValue={query.status ?? ""}>
            {any}
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tStatus(s)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span>{t("confidence")}</span>
          <select name="confidence" defaultValue={query.confidence ?? ""}>
            {any}
            {CONFIDENCES.map((c) => (
              <option key={c} value={c}>
                {tConfidence(c)}
              </option>
            ))}
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
            {options.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}（{tSide(u.side as never)}）
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span>{t("side")}</span>
          <select name="side" defaultValue={query.side ?? ""}>
            {any}
            {SIDES.map((s) => (
              <option key={s} value={s}>
                {tSide(s)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span>{t("region")}</span>
          <select name="region" defaultValue={query.region ?? ""}>
            {any}
            {options.regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}（{tSide(r.side as never)}）
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span>{t("conference")}</span>
          <select name="conference" defaultValue={query.conference ?? ""}>
            {any}
            {options.conferences.map((c) => (
              <option key={c.number} value={c.number}>
                {t("conferenceOption", {
                  number: c.number,
                  date: format.dateTime(c.date, { dateStyle: "medium", timeZone: "UTC" }),
                })}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span>{t("sort")}</span>
          <select name="sort" defaultValue={query.sort}>
            {SORT_KEYS.map((k) => (
              <option key={k} value={k}>
                {t(`sortKeys.${k}`)}
              </option>
            ))}
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
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
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
  const sp = new URLSearchParams();
  if (asOf.asOf) sp.set("asOf", asOf.asOf);
  if (asOf.compare) sp.set("compare", asOf.compare);
  return sp.size ? `/items?${sp}` : "/items";
}
