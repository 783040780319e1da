// Runs before every page request. It is NOT the gate — every read, action and route handler checks the user
// itself (lib/auth/session.ts). It only: sets the CSP nonce, tells pages their path (for the sign-in
// redirect's return address), sends a visitor without a session cookie straight to the sign-in page, and
// passes on the request id (lib/request-id.ts).
import { NextResponse, type NextRequest } from "next/server";
import { refuseActionRequest } from "./lib/http/action-request";
import { isCrossSiteWrite } from "./lib/http/cross-site";
import { REQUEST_ID_COOKIE, REQUEST_ID_HEADER, requestIdFrom } from "./lib/request-id";
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const PUBLIC_PREFIXES = ["/login", "/api/", "/_next/", "/favicon"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

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
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  // `npm start`'s server has set it (scripts/request-observer.ts); under `next dev` it is made here.
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  // Responses made here skip next.config's headers(), so they get the same headers explicitly.
  const secured = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", csp);
    for (const { key, value } of STATIC_SECURITY_HEADERS) response.headers.set(key, value);
    response.headers.set(REQUEST_ID_HEADER, requestId);
    // The error pages are client components and cannot read response headers: they show the id of the latest
    // page, navigation or action request from this cookie (readable by script on purpose; it is no secret).
    if (!pathname.startsWith("/api/")) {
      response.cookies.set(REQUEST_ID_COOKIE, requestId, { path: "/", sameSite: "strict", maxAge: 600 });
    }
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
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-tracker-path", `${pathname}${search}`.slice(0, 2000));
  return secured(NextResponse.next({ request: { headers: requestHeaders } }));
}

// Not run for the evidence uploads (POST /api/evidence and the open API's POST /api/v1/items/{code}/attachments,
// exactly those paths): for a request with a body, Next buffers a copy for the proxy and waits for the WHOLE body
// before anything answers, so a 1 GB upload would be read to its end before being refused, and cuts the copy at
// proxyClientMaxBodySize (7 MB), below the 20 MB a file may have. The upload routes check the size themselves,
// from Content-Length, and read at most their cap; they set the security headers themselves, and the page's
// upload asks isCrossSiteWrite (app/api/evidence/route.ts; the API's takes a bearer token only, never a cookie).
// Their downloads (/api/evidence/<id>) go through here like every other request.
export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|api/evidence$|api/v1/items/[^/]+/attachments$).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
