import { getTranslations } from "next-intl/server";
import type { FieldChange } from "@/lib/queries/item-view";
import { changeValueFormatter } from "./format";
import styles from "./item.module.css";

/** A list of field changes, old → new, readable: used by the history timeline and the comparison. */
export async function ChangeList({ changes, testId }: { changes: FieldChange[]; testId?: string }) {
  const [tField, show] = await Promise.all([getTranslations("field"), changeValueFormatter()]);
  return (
    <ul className={styles.changes} data-testid={testId}>
      {changes.map((c) => (
        <li key={c.field} data-field={c.field}>
          <span className={styles.fieldName}>{tField.has(c.field as never) ? tField(c.field as never) : c.field}</span>
          ：<del className={styles.old}>{show(c.kind, c.from)}</del> <span aria-hidden="true">→</span>{" "}
          <ins className={styles.new}>{show(c.kind, c.to)}</ins>
        </li>
      ))}
    </ul>
  );
}
