"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { setUserDisabled } from "@/lib/actions/admin-users";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/buttons";
import { ConfirmSubmit } from "@/components/forms/confirm-submit";
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
      ) : (
        <ConfirmSubmit
          id={`disable-${user.id}`}
          confirming={confirming}
          setConfirming={setConfirming}
          pending={pending}
          pendingLabel={t("saving")}
          label={t("users.disable")}
          question={t("users.confirmDisable", { name: user.loginName })}
          submitLabel={t("users.confirmDisableSubmit")}
          cancelLabel={t("cancel")}
        />
      )}
      <FormMessage state={state} />
    </form>
  );
}
