"use client";
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
  const { state, pending, onSubmit, form } = useActionForm(setUserDisabled);
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
          form={form}
          pending={pending}
          messages="admin.users.disableStep"
          values={{ name: user.loginName }}
        />
      )}
      <FormMessage state={state} />
    </form>
  );
}
