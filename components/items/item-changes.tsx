import { getLocale, getTranslations } from "next-intl/server";
import { formatAmountChange, toCents } from "@/lib/money";
import type { FieldChange } from "@/lib/queries/item-view";
import { changeValueFormatter } from "./format";
import styles from "./item.module.css";

/** A list of field changes, old → new, readable: used by the history timeline and the comparison. */
export async function ChangeList({ changes, testId }: { changes: FieldChange[]; testId?: string }) {
  const [tField, show, locale] = await Promise.all([getTranslations("field"), changeValueFormatter(), getLocale()]);
  // An amount's change also says by how much it rose or fell (exact: BigInt cents).
  const delta = (c: FieldChange) =>
    c.kind === "money"
      ? ` (${formatAmountChange(toCents(c.to ?? "0") - toCents(c.from ?? "0"), locale === "en" ? "en" : "zh-CN")})`
      : "";
  return (
    <ul className={styles.changes} data-testid={testId}>
      {changes.map((c) => (
        <li key={`${c.field}-${c.year ?? ""}-${c.subject ?? ""}`} data-field={c.field}>
          <span className={styles.fieldName}>
            {c.year !== undefined && `${c.year} `}
            {tField.has(c.field as never) ? tField(c.field as never) : c.field}
            {c.subject !== undefined && `「${c.subject}」`}
          </span>
          ：<del className={styles.old}>{show(c.kind, c.from)}</del> <span aria-hidden="true">→</span>{" "}
          <ins className={styles.new}>{show(c.kind, c.to)}</ins>
          {delta(c)}
        </li>
      ))}
    </ul>
  );
}
