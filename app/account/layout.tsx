import type { ReactNode } from "react";
import { FormMessages } from "@/components/i18n/form-messages";

// The e-mail settings form (account.*) and the token forms (api.tokens.*), with the form kit's keys.
export default function AccountLayout({ children }: { children: ReactNode }) {
  return <FormMessages namespaces={["account", "api"]}>{children}</FormMessages>;
}
