import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { TokenCreateForm } from "@/components/api-tokens/token-create-form";
import { TokenTable } from "@/components/api-tokens/token-table";
import { listMyTokens } from "@/lib/data/api-tokens";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("api.tokens");
  return { title: t("title") };
}

/** API 访问令牌: make a personal access token for the open API (shown once), see my tokens' last use, revoke. */
export default async function TokensPage() {
  const [tokens, t] = await Promise.all([listMyTokens(), getTranslations("api.tokens")]);
  return (
    <section className="stack">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <p>
        <Link href="/api-docs">{t("docsLink")}</Link>
      </p>
      <h2>{t("create")}</h2>
      <TokenCreateForm />
      <h2>{t("list")}</h2>
      <TokenTable tokens={tokens} />
    </section>
  );
}
