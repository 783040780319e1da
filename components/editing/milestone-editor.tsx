"use client";
import { useActionState, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { addMilestone, completeMilestone, removeMilestone, reopenMilestone } from "@/lib/actions/milestones";
import type { FormState } from "@/lib/forms/result";
import { MILESTONE_TITLE_MAX } from "@/lib/validations/item-limits";
import { FieldError } from "./field-error";
import { FormMessage } from "./form-message";
import styles from "./editing.module.css";

type MilestoneState = FormState<{ version: number }>;

export interface EditableMilestone {
  id: number;
  title: string;
  plannedDate: string;
  completedDate: string | null;
}

function MilestoneRow({ itemId, milestone }: { itemId: number; milestone: EditableMilestone }) {
  const t = useTranslations();
  const format = useFormatter();
  const [toggleState, toggleAction, toggling] = useActionState<MilestoneState, FormData>(
    milestone.completedDate ? reopenMilestone : completeMilestone,
    null,
  );
  const [removeState, removeAction, removing] = useActionState<MilestoneState, FormData>(removeMilestone, null);
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
        <form action={toggleAction} className={styles.inline}>
          <input type="hidden" name="itemId" value={itemId} />
          <input type="hidden" name="milestoneId" value={milestone.id} />
          <button
            type="submit"
            className={styles.secondary}
            disabled={toggling}
            aria-label={`${milestone.completedDate ? t("editing.milestones.reopen") : t("editing.milestones.complete")}: ${milestone.title}`}
          >
            {milestone.completedDate ? t("editing.milestones.reopen") : t("editing.milestones.complete")}
          </button>
        </form>
        <form action={removeAction} className={styles.inline}>
          <input type="hidden" name="itemId" value={itemId} />
          <input type="hidden" name="milestoneId" value={milestone.id} />
          <button
            type="submit"
            className={styles.secondary}
            disabled={removing}
            aria-label={`${t("editing.milestones.remove")}: ${milestone.title}`}
          >
            {t("editing.milestones.remove")}
          </button>
        </form>
      </span>
      <FormMessage state={toggleState?.ok ? null : toggleState} />
      <FormMessage state={removeState?.ok ? null : removeState} />
    </li>
  );
}

/** Add, complete, reopen and remove an item's milestones; each is recorded in the item's history. */
export function MilestoneEditor({ itemId, milestones }: { itemId: number; milestones: EditableMilestone[] }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<MilestoneState, FormData>(addMilestone, null);
  const [title, setTitle] = useState("");
  const [plannedDate, setPlannedDate] = useState("");
  const [lastAdded, setLastAdded] = useState<MilestoneState>(null);
  // A successful add clears the inputs once (state objects are new per submission).
  if (state?.ok && state !== lastAdded) {
    setLastAdded(state);
    setTitle("");
    setPlannedDate("");
  }
  const errors = state && !state.ok ? state.fieldErrors : undefined;
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
          <div className={styles.field}>
            <label htmlFor="ms-title">{t("editing.milestones.title")}</label>
            <input
              id="ms-title"
              name="title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              aria-invalid={Boolean(errors?.title)}
              aria-describedby="ms-title-error"
            />
            <FieldError id="ms-title-error" errors={errors?.title} values={{ max: MILESTONE_TITLE_MAX }} />
          </div>
          <div className={styles.field}>
            <label htmlFor="ms-date">{t("editing.milestones.plannedDate")}</label>
            <input
              id="ms-date"
              name="plannedDate"
              type="date"
              value={plannedDate}
              onChange={(e) => setPlannedDate(e.target.value)}
              aria-invalid={Boolean(errors?.plannedDate)}
              aria-describedby="ms-date-error"
            />
            <FieldError id="ms-date-error" errors={errors?.plannedDate} />
          </div>
        </div>
        <div className={styles.actions}>
          <button type="submit" className={styles.secondary} disabled={pending}>
            {pending ? t("editing.milestones.adding") : t("editing.milestones.add")}
          </button>
        </div>
      </form>
    </div>
  );
}
