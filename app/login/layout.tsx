import type { ReactNode } from "react";
import { FormMessages } from "@/components/i18n/form-messages";

// The sign-in form translates only the auth strings (and the form kit's validation and error keys): the rest of
// the catalogue would be ~100 KB more on the page every visitor loads first.
export default function LoginLayout({ children }: { children: ReactNode }) {
  return <FormMessages namespaces={["auth"]}>{children}</FormMessages>;
}
