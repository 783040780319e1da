// A state-changing request sent by a page of another site (CSRF). Next.js also compares Origin with Host for
// server actions, but answers 500; proxy.ts refuses such a request with a clear 403 for actions and route
// handlers alike, and a route that proxy.ts does not run for (the evidence upload) asks the same question.
// Requests without Origin/Sec-Fetch-Site (not sent by a browser on another site's behalf) carry only
// credentials their sender already holds.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteWrite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  // The identity provider's own redirect back to us (it may POST from its own origin) is checked by Auth.js
  // (state, PKCE, nonce). Only the SSO callback: the password callback is ours alone and is refused here too.
  if (new URL(request.url).pathname === "/api/auth/callback/gov-sso") return false;
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return true;
  }
}
