"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { setUserDisabled } from "@/lib/actions/admin-users";
import { FormStatus, SubmitButton } from "./form-bits";
import { useAdminForm } from "./use-admin-form";
import styles from "./admin.module.css";

/** Enable at once; disable only after a confirmation, since it ends the person's sessions immediately. */
export function UserDisableToggle({ user }: { user: { id: number; loginName: string; disabled: boolean } }) {
  const t = useTranslations("admin");
  const [confirming, setConfirming] = useState(false);
  const { state, pending, onSubmit } = useAdminForm(setUserDisabled, { onSuccess: () => setConfirming(false) });
  return (
    <form onSubmit={onSubmit} className={styles.form}>
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
      {user.disabled ? (
        <div>
          <SubmitButton pending={pending} label={t("users.enable")} />
        </div>
      ) : confirming ? (
        <div className={styles.confirm} role="group" aria-labelledby={`disable-${user.id}-q`}>
          <p id={`disable-${user.id}-q`} style={{ margin: 0 }}>
            {t("users.confirmDisable", { name: user.loginName })}
          </p>
          <div className={styles.inline}>
            <SubmitButton pending={pending} label={t("users.confirmDisableSubmit")} danger autoFocus />
            <button type="button" className={styles.secondary} onClick={() => setConfirming(false)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : (
        <div>
          <button type="button" className={styles.secondary} onClick={() => setConfirming(true)}>
            {t("users.disable")}
          </button>
        </div>
      )}
      <FormStatus state={state} />
    </form>
  );
}
