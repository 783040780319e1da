"use client";
import { SubmitButton } from "@/components/forms/buttons";

/** The two buttons of a review decision: approve, then return (sent as decision=approve or decision=return). */
export function DecisionButtons({
  pending,
  approveLabel,
  returnLabel,
}: {
  pending: boolean;
  approveLabel: string;
  returnLabel: string;
}) {
  return (
    <>
      <SubmitButton pending={pending} name="decision" value="approve" label={approveLabel} />
      <SubmitButton pending={pending} name="decision" value="return" variant="secondary" label={returnLabel} />
    </>
  );
}
