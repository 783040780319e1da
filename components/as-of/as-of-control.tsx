import { getTranslations } from "next-intl/server";
import type { AsOfSelection } from "@/lib/as-of-selection";
import { MIN_AS_OF_DATE } from "@/lib/validations/as-of";
import { AsOfForm } from "./as-of-form";
import styles from "./as-of-control.module.css";

/**
 * The "as of / compared with" date control for any page that reads parseAsOfParams(). Server part: it
 * translates the labels and shows refused parameters; the form itself is the small client leaf AsOfForm.
 * Usage: `<AsOfControl selection={parseAsOfParams(await searchParams)} />`.
 */
export async function AsOfControl({ selection }: { selection: AsOfSelection }) {
  const [t, tRoot] = await Promise.all([getTranslations("asOf"), getTranslations()]);
  return (
    <div className={styles.wrapper}>
      <AsOfForm
        labels={{
          legend: t("legend"),
          asOf: t("asOf"),
          compare: t("compare"),
          apply: t("apply"),
          backToToday: t("backToToday"),
          hint: t("hint"),
        }}
        asOf={selection.asOf ?? ""}
        compare={selection.compare ?? ""}
        today={selection.today}
        min={MIN_AS_OF_DATE}
      />
      {selection.issues.length > 0 ? (
        <ul className={styles.issues} role="alert" data-testid="as-of-issues">
          {selection.issues.map((issue) => (
            <li key={issue.param}>
              {t(issue.param === "asOf" ? "asOfRefused" : "compareRefused", { value: issue.value })}{" "}
              {tRoot(issue.message)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
