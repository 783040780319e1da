import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { TokenTable } from "@/components/api-tokens/token-table";
import { listAllTokens } from "@/lib/data/api-tokens";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("api.tokens");
  return { title: t("adminTitle") };
}

/** Every account's API tokens, newest first; an administrator may revoke any (audited). */
export default async function AdminTokensPage() {
  const [tokens, t] = await Promise.all([listAllTokens(), getTranslations("api.tokens")]);
  return (
    <section>
      <h1>{t("adminTitle")}</h1>
      <AdminNav current="tokens" />
      <p className="muted">{t("adminIntro")}</p>
      <TokenTable tokens={tokens} showOwner />
    </section>
  );
}
