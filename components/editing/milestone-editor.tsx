"use client";
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/buttons";
import { Fields } from "@/components/forms/field";
import { DateField, TextField, inState } from "@/components/forms/fields";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { addMilestone, completeMilestone, removeMilestone, reopenMilestone } from "@/lib/actions/milestones";
import { MILESTONE_TITLE_MAX } from "@/lib/validations/item-limits";
import styles from "./editing.module.css";

export interface EditableMilestone {
  id: number;
  title: string;
  plannedDate: string;
  completedDate: string | null;
}

function MilestoneRow({ itemId, milestone }: { itemId: number; milestone: EditableMilestone }) {
  const t = useTranslations();
  const format = useFormatter();
  const toggle = useActionForm(milestone.completedDate ? reopenMilestone : completeMilestone);
  const remove = useActionForm(removeMilestone);
  const toggleLabel = milestone.completedDate ? t("editing.milestones.reopen") : t("editing.milestones.complete");
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00+08:00`), { dateStyle: "medium" });
  return (
    <li data-testid="milestone">
      <span className={milestone.completedDate ? styles.done : undefined}>
        {milestone.title}{" "}
        <span className="small muted">
          · {t("item.milestonePlanned")} {day(milestone.plannedDate)}
        </span>
        {milestone.completedDate && (
          <span className="small">
            {" "}
            · {t("item.milestoneDone")} {day(milestone.completedDate)}
          </span>
        )}
      </span>
      <span className={styles.actions}>
        {(
          [
            [toggle, toggleLabel],
            [remove, t("editing.milestones.remove")],
          ] as const
        ).map(([form, label], i) => (
          <form key={i} action={form.action} className={styles.inline}>
            <input type="hidden" name="itemId" value={itemId} />
            <input type="hidden" name="milestoneId" value={milestone.id} />
            <SubmitButton
              variant="secondary"
              pending={form.pending}
              label={label}
              aria-label={`${label}: ${milestone.title}`}
            />
          </form>
        ))}
      </span>
      <FormMessage state={toggle.failed ?? null} />
      <FormMessage state={remove.failed ?? null} />
    </li>
  );
}

/** Add, complete, reopen and remove an item's milestones; each is recorded in the item's history. */
export function MilestoneEditor({ itemId, milestones }: { itemId: number; milestones: EditableMilestone[] }) {
  const t = useTranslations();
  const [title, setTitle] = useState("");
  const [plannedDate, setPlannedDate] = useState("");
  // A successful add clears the inputs.
  const { state, action, pending, form } = useActionForm(addMilestone, {
    ids: "ms",
    onSuccess: () => {
      setTitle("");
      setPlannedDate("");
    },
  });
  return (
    <div className="stack">
      {milestones.length === 0 ? (
        <p className="muted">{t("item.noMilestones")}</p>
      ) : (
        <ul className={styles.milestones}>
          {milestones.map((m) => (
            <MilestoneRow key={`${m.id}-${m.completedDate ?? ""}`} itemId={itemId} milestone={m} />
          ))}
        </ul>
      )}
      <form action={action} className={styles.form} noValidate data-testid="milestone-add-form">
        <input type="hidden" name="itemId" value={itemId} />
        <FormMessage state={state} successKey="editing.milestones.added" />
        <div className={styles.row}>
          <Fields form={form} fieldClass={styles.field} uncapped>
            <TextField
              name="title"
              label={t("editing.milestones.title")}
              max={MILESTONE_TITLE_MAX}
              {...inState(title, setTitle)}
            />
            <DateField
              name="plannedDate"
              label={t("editing.milestones.plannedDate")}
              {...inState(plannedDate, setPlannedDate)}
            />
          </Fields>
        </div>
        <div className={styles.actions}>
          <SubmitButton
            variant="secondary"
            pending={pending}
            pendingLabel={t("editing.milestones.adding")}
            label={t("editing.milestones.add")}
          />
        </div>
      </form>
    </div>
  );
}
