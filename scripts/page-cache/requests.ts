// Which requests the page cache may answer, and the key of what they would be shown. Only a browser's plain
// load of the four most-read pages (dashboard, list, item, pillar) by a signed-in person: never a navigation's
// or prefetch's RSC request, an action, HEAD, or a request without a session cookie (Next sends it to sign in).
import type { IncomingHttpHeaders } from "node:http";
import { LOCALE_COOKIE } from "../../lib/i18n/locales";
import { sessionCookieName, sessionTokenOf } from "../../lib/auth/session-token";

/** The kept pages. /items/import is a form, not an item: item codes start with a digit. */
const KEPT_PATHS = [/^\/$/, /^\/items$/, /^\/items\/[0-9][0-9A-Za-z.-]{0,40}$/, /^\/pillars\/[0-9]{1,3}$/];

export interface PageRequest {
  /** everything the page's render reads from the request: what differs between two people or two asks */
  key: string;
  /** the session cookie's token and name, decoded to check it is (still) a session */
  token: string;
  salt: string;
}

function parseCookies(header: string | undefined): { name: string; value: string }[] {
  if (!header) return [];
  const out: { name: string; value: string }[] = [];
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    out.push({ name: part.slice(0, at).trim(), value: part.slice(at + 1).trim() });
  }
  return out;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The request's key, or null when the cache must leave it to Next. The key holds each input a page's render
 * reads from the request (lib/auth/claims.ts, lib/i18n/request.ts, the proxy's x-tracker-path): the URL, the
 * host and scheme, the session token and the language cookie. Everything else a page shows comes from the
 * database (keyed by the data and page versions) or the clock (keyed by the day, and kept a minute at most).
 */
export function pageRequestOf(
  method: string | undefined,
  url: string | undefined,
  h: IncomingHttpHeaders,
): PageRequest | null {
  if (method !== "GET" || !url || url.length > 2000) return null;
  // RSC navigations and prefetches, server actions and Next's own router requests all carry one of these.
  if (h.rsc !== undefined || h["next-action"] !== undefined) return null;
  for (const name of Object.keys(h)) if (name.startsWith("next-router-")) return null;
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  if (!KEPT_PATHS.some((p) => p.test(pathname))) return null;
  if (q >= 0 && /(?:^|&)_rsc=/.test(url.slice(q + 1))) return null;
  const cookies = parseCookies(one(h.cookie));
  // As Next fills it in before the pages read it (this server speaks plain HTTP; TLS ends at a proxy that says so).
  const forwardedProto = one(h["x-forwarded-proto"]) ?? "http";
  const salt = sessionCookieName(forwardedProto);
  const token = sessionTokenOf(cookies, salt);
  if (!token) return null;
  const locale = cookies.find((c) => c.name === LOCALE_COOKIE)?.value ?? "";
  const key = [url, one(h.host) ?? "", forwardedProto, locale, salt, token].join("\n");
  return { key, token, salt };
}
