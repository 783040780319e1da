"use client";
// Revoke one token (its owner on /account/tokens, an administrator on /admin/tokens), after a confirmation.
import { useTranslations } from "next-intl";
import { ConfirmForm } from "@/components/forms/confirm-form";
import { revokeToken } from "@/lib/actions/api-tokens";

export function TokenRevokeForm({ token }: { token: { id: number; name: string } }) {
  const t = useTranslations("api.tokens");
  return (
    <ConfirmForm
      action={revokeToken}
      id={`revoke-token-${token.id}`}
      label={t("revokeLabel", { name: token.name })}
      hidden={{ tokenId: token.id }}
      messages="api.tokens.revokeStep"
      values={{ name: token.name }}
    />
  );
}
