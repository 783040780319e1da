"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { setUserDisabled } from "@/lib/actions/admin-users";
import { FormMessage } from "@/components/forms/form-message";
import { Button, SubmitButton } from "@/components/forms/buttons";
import { useActionForm } from "@/components/forms/use-action-form";
import styles from "./admin.module.css";

/** Enable at once; disable only after a confirmation, since it ends the person's sessions immediately. */
export function UserDisableToggle({ user }: { user: { id: number; loginName: string; disabled: boolean } }) {
  const t = useTranslations("admin");
  const [confirming, setConfirming] = useState(false);
  const { state, pending, onSubmit } = useActionForm(setUserDisabled, { onSuccess: () => setConfirming(false) });
  return (
    <form onSubmit={onSubmit} className={styles.form}>
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
      {user.disabled ? (
        <div>
          <SubmitButton pending={pending} pendingLabel={t("saving")} label={t("users.enable")} />
        </div>
      ) : confirming ? (
        <div className={styles.confirm} role="group" aria-labelledby={`disable-${user.id}-q`}>
          <p id={`disable-${user.id}-q`} style={{ margin: 0 }}>
            {t("users.confirmDisable", { name: user.loginName })}
          </p>
          <div className={styles.inline}>
            <SubmitButton
              pending={pending}
              pendingLabel={t("saving")}
              label={t("users.confirmDisableSubmit")}
              variant="danger"
              autoFocus
            />
            <Button onClick={() => setConfirming(false)}>{t("cancel")}</Button>
          </div>
        </div>
      ) : (
        <div>
          <Button onClick={() => setConfirming(true)}>{t("users.disable")}</Button>
        </div>
      )}
      <FormMessage state={state} />
    </form>
  );
}
