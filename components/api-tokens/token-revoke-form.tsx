"use client";
// Revoke one token (its owner on /account/tokens, an administrator on /admin/tokens), after a confirmation.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { ConfirmSubmit } from "@/components/forms/confirm-submit";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { revokeToken } from "@/lib/actions/api-tokens";

export function TokenRevokeForm({ token }: { token: { id: number; name: string } }) {
  const t = useTranslations("api.tokens");
  const tAdmin = useTranslations("admin");
  const [confirming, setConfirming] = useState(false);
  const { state, pending, onSubmit } = useActionForm(revokeToken, { onSuccess: () => setConfirming(false) });
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="tokenId" value={token.id} />
      <ConfirmSubmit
        id={`revoke-token-${token.id}`}
        confirming={confirming}
        setConfirming={setConfirming}
        pending={pending}
        pendingLabel={t("revoke")}
        label={t("revoke")}
        question={t("revokeConfirm", { name: token.name })}
        submitLabel={t("revoke")}
        cancelLabel={tAdmin("cancel")}
      />
      <FormMessage state={state} />
    </form>
  );
}
