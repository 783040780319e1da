"use client";
// 签收 and 办理反馈 of a 督办 by its unit (the page shows them only where the reader may; the actions check again).
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/buttons";
import { TextAreaField } from "@/components/forms/fields";
import { FormMessage } from "@/components/forms/form-message";
import { Fields } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { acknowledgeSupervision, answerSupervision } from "@/lib/actions/supervisions";
import { CHASE_LIMITS } from "@/lib/validations/chase-limits";

export function AcknowledgeForm({ supervisionId }: { supervisionId: number }) {
  const t = useTranslations("chase.supervision");
  const { state, pending, onSubmit } = useActionForm(acknowledgeSupervision);
  return (
    <form onSubmit={onSubmit} aria-label={t("acknowledge")} className="stack">
      <input type="hidden" name="supervisionId" value={supervisionId} />
      <div>
        <SubmitButton pending={pending} pendingLabel={t("acknowledging")} label={t("acknowledge")} />
      </div>
      <FormMessage state={state} />
    </form>
  );
}

export function AnswerForm({ supervisionId }: { supervisionId: number }) {
  const t = useTranslations("chase.supervision");
  const { formRef, state, pending, onSubmit, form } = useActionForm(answerSupervision, {
    ids: `supervision-${supervisionId}`,
  });
  return (
    <form ref={formRef} onSubmit={onSubmit} aria-label={t("answer")} className="stack" noValidate>
      <input type="hidden" name="supervisionId" value={supervisionId} />
      <Fields form={form}>
        <TextAreaField
          name="answer"
          label={t("yourAnswer")}
          hint={t("answerHint", { max: CHASE_LIMITS.answer })}
          max={CHASE_LIMITS.answer}
          required
          rows={5}
        />
      </Fields>
      <div>
        <SubmitButton pending={pending} pendingLabel={t("answering")} label={t("submitAnswer")} />
      </div>
      <FormMessage state={state} />
    </form>
  );
}
