import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import styles from "@/components/auth/sign-in.module.css";
import { signInWithSso } from "@/lib/actions/auth";
import { getCurrentUser } from "@/lib/auth/session";
import { oidcSettings } from "@/lib/auth/oidc";
import { safeCallbackUrl } from "@/lib/validations/auth";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

// Errors Auth.js or our OIDC matching put in the URL; anything else is shown as the generic failure.
const NOTICES = {
  pending: "pending",
  disabled: "disabled",
  sso: "sso",
  OAuthCallbackError: "sso",
  AccessDenied: "sso",
  Configuration: "sso",
} as const;

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const callbackUrl = safeCallbackUrl(one(params.callbackUrl));
  if (await getCurrentUser()) redirect(callbackUrl);

  const t = await getTranslations("auth");
  const sso = oidcSettings();
  const error = one(params.error);
  const notice = error
    ? (NOTICES[error as keyof typeof NOTICES] ?? (error === "CredentialsSignin" ? null : "sso"))
    : null;
  return (
    <div className={styles.card}>
      <h1>{t("signInTitle")}</h1>
      {one(params.signedOut) && (
        <p className={styles.notice} role="status">
          {t("signedOutTitle")}
        </p>
      )}
      {notice && (
        <p className={styles.alert} role="alert">
          {t(notice)}
        </p>
      )}
      <p>{t("signInIntro")}</p>
      <SignInForm callbackUrl={callbackUrl} />
      {sso && (
        <>
          <p className={styles.or}>{t("or")}</p>
          <form action={signInWithSso}>
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <button type="submit" className={styles.sso}>
              {t("signInWith", { name: sso.name })}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
