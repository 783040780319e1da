import "server-only";
// The first line of every route handler, as authorizeAction (lib/auth/authorize.ts) is of every server action:
//   const user = await authorizeRoute("report:export", t);
//   if (user instanceof Response) return user;
// It checks the user itself (never relies on proxy.ts) and never redirects: a download link or a script cannot
// follow a redirect to the sign-in page, so a refusal is a plain-text status it can show.
import type { Translate } from "../i18n/translator";
import { isDatabaseUnavailable } from "../db-errors";
import { plainText } from "../http/plain-text";
import { can, type Permission, type UnitScope } from "../permissions";
import { getCurrentUser, type SessionUser } from "./session";
import { logger } from "../log";

/**
 * The signed-in user when they hold `permission` (for `scope`, when given); otherwise the Response to return:
 * 401 signed out, 403 without the permission, 503 when the user cannot be read (the database is down). `t`
 * translates the route's own wording of the three refusals, keys "signedOut", "forbidden" and "unavailable"
 * (for the report route, the "reports.errors" namespace).
 */
export async function authorizeRoute(
  permission: Permission,
  t: Translate,
  scope?: UnitScope,
): Promise<SessionUser | Response> {
  let user: SessionUser | null;
  try {
    user = await getCurrentUser();
  } catch (error) {
    // Reading the user is the route's first database query. A route answers 503 rather than 500 even for a
    // failure that is not the database being unreachable, but only that one is expected and goes unlogged.
    if (!isDatabaseUnavailable(error)) logger().error({ err: error }, "reading the signed-in user failed");
    return plainText(503, t("unavailable"));
  }
  if (!user) return plainText(401, t("signedOut"));
  if (!can(user, permission, scope)) return plainText(403, t("forbidden"));
  return user;
}
