// The token list of /account/tokens and /admin/tokens (with the owner column there).
import { getFormatter, getTranslations } from "next-intl/server";
import type { TokenRow } from "@/lib/data/api-tokens";
import { TokenRevokeForm } from "./token-revoke-form";

export async function TokenTable({ tokens, showOwner = false }: { tokens: TokenRow[]; showOwner?: boolean }) {
  const [t, format] = await Promise.all([getTranslations("api.tokens"), getFormatter()]);
  if (tokens.length === 0) return <p className="muted">{t("none")}</p>;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t("name")}</th>
          {showOwner && <th scope="col">{t("owner")}</th>}
          <th scope="col">{t("prefix")}</th>
          <th scope="col">{t("scope")}</th>
          <th scope="col">{t("createdAt")}</th>
          <th scope="col">{t("expiresAt")}</th>
          <th scope="col">{t("lastUsed")}</th>
          <th scope="col">{t("state")}</th>
          <th scope="col">
            <span className="visually-hidden">{t("revoke")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <td>{token.name}</td>
            {showOwner && <td>{`${token.user.displayName} (${token.user.loginName})`}</td>}
            <td>
              <code>{token.prefix}…</code>
            </td>
            <td>{t(`scope${token.scope}`)}</td>
            <td>{when(token.createdAt)}</td>
            <td>{when(token.expiresAt)}</td>
            <td>{token.lastUsedAt ? when(token.lastUsedAt) : t("never")}</td>
            <td>{t(token.state)}</td>
            <td>{token.state === "active" && <TokenRevokeForm token={token} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
