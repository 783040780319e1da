import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/actions/auth";
import type { SessionUser } from "@/lib/auth/session";

export async function UserMenu({ user }: { user: SessionUser }) {
  const [t, tTokens] = await Promise.all([getTranslations("auth"), getTranslations("api.tokens")]);
  return (
    <div className="user-menu">
      <span className="small" data-testid="signed-in-user">
        {t("signedInAs", { name: user.displayName })} · {t(`role.${user.role}`)}
        {user.unitName ? ` · ${user.unitName}` : ""}
      </span>
      <Link href="/account/tokens" className="small">
        {tTokens("title")}
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="link-button">
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
