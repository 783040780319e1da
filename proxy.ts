// Runs before every page request. It is NOT the gate — every read, action and route handler checks the user
// itself (lib/auth/session.ts). It only: sets the CSP nonce, tells pages their path (for the sign-in
// redirect's return address), and sends a visitor without a session cookie straight to the sign-in page.
import { NextResponse, type NextRequest } from "next/server";
import { refuseActionRequest } from "./lib/http/action-request";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const PUBLIC_PREFIXES = ["/login", "/api/", "/_next/", "/favicon"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request sent by a page of another site (CSRF). Next.js also compares Origin with Host for
 * server actions, but answers 500; refusing here gives a clear 403 for actions and route handlers alike.
 * Requests without Origin/Sec-Fetch-Site (not sent by a browser on another site's behalf) carry only
 * credentials their sender already holds.
 */
function isCrossSiteWrite(request: NextRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  // The identity provider's own redirect back to us (it may POST from its own origin) is checked by Auth.js
  // (state, PKCE, nonce). Only the SSO callback: the password callback is ours alone and is refused here too.
  if (request.nextUrl.pathname === "/api/auth/callback/gov-sso") return false;
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return true;
  }
}

/**
 * A path that is not valid percent-encoded UTF-8 (e.g. /pillars/%FF). Next.js decodes dynamic route segments
 * with decodeURIComponent and answers such a path with a 500; no page can serve it, so it gets a plain 400.
 */
function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  // Responses made here skip next.config's headers(), so they get the same headers explicitly.
  const secured = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", csp);
    for (const { key, value } of STATIC_SECURITY_HEADERS) response.headers.set(key, value);
    return response;
  };
  if (isMalformedPath(pathname)) {
    return secured(
      new NextResponse("Malformed address / 地址格式错误", {
        status: 400,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      }),
    );
  }
  if (isCrossSiteWrite(request)) {
    return secured(
      new NextResponse("Cross-site request refused / 已拒绝跨站请求", {
        status: 403,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      }),
    );
  }
  // A server-action body Next.js cannot decode (or over its size limit) would get a 500 from Next itself.
  const refusal = pathname.startsWith("/api/") ? null : await refuseActionRequest(request);
  if (refusal) {
    return secured(
      new NextResponse(refusal.message, {
        status: refusal.status,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      }),
    );
  }
  const isPublic = PUBLIC_PREFIXES.some((p) => pathname.startsWith(p));
  const hasSession = SESSION_COOKIES.some(
    (name) => request.cookies.has(name) || request.cookies.getAll().some((c) => c.name.startsWith(`${name}.`)),
  );
  if (!isPublic && !hasSession && request.method === "GET") {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return secured(NextResponse.redirect(login));
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-tracker-path", `${pathname}${search}`.slice(0, 2000));
  return secured(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
