// What `npm start`'s HTTP server records of every request, pages and route handlers alike: a request id (an
// incoming well-formed X-Request-Id, else a new one) set on the request and returned in the X-Request-Id
// header, one JSON log line when the response ends, and the request metrics by route pattern. This is the one
// place that sees every response's final status and time (Next has no response hook for pages); the route is
// labelled with its pattern from the build's routes manifest (/items/[code], not /items/3.1.4) so the series
// stay few.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { logger } from "../lib/log";
import { observeRequest } from "../lib/metrics";
import { requestIdFrom } from "../lib/request-id";

interface ManifestRoute {
  page: string;
  regex: string;
}

export type RouteLabeler = (pathname: string) => string;

/** Labels paths with the app's route patterns, read from `.next/routes-manifest.json` on first use. */
export function routeLabeler(root: string): RouteLabeler {
  let routes: { page: string; regex: RegExp }[] | undefined;
  const load = () => {
    try {
      const manifest = JSON.parse(readFileSync(join(root, ".next", "routes-manifest.json"), "utf8")) as {
        staticRoutes?: ManifestRoute[];
        dynamicRoutes?: ManifestRoute[];
      };
      // static routes first: /items/import before /items/[code]
      return [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map((r) => ({
        page: r.page,
        regex: new RegExp(r.regex),
      }));
    } catch {
      return [];
    }
  };
  return (pathname) => {
    if (pathname.startsWith("/_next/static/")) return "/_next/static";
    if (pathname.startsWith("/_next/image")) return "/_next/image";
    if (pathname.startsWith("/_next/")) return "/_next";
    routes ??= load();
    const path = pathname.replace(/\.rsc$/, "").replace(/\.segments\/.*$/, "") || "/";
    return routes.find((r) => r.regex.test(path))?.page ?? "unmatched";
  };
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function pathnameOf(url: string | undefined): string {
  const raw = (url ?? "/").split("?")[0] ?? "/";
  return raw.startsWith("/") ? raw.slice(0, 500) : "/";
}

/**
 * Gives the request its id and records its end. Call first thing for every request. A response that ends
 * before it was complete (the client went away) is counted with status 499, as nginx does.
 */
export function observe(req: IncomingMessage, res: ServerResponse, label: RouteLabeler): string {
  const started = performance.now();
  const requestId = requestIdFrom(req.headers["x-request-id"]);
  req.headers["x-request-id"] = requestId;
  res.setHeader("X-Request-Id", requestId);
  res.once("close", () => {
    const seconds = (performance.now() - started) / 1000;
    const path = pathnameOf(req.url);
    const route = label(path);
    const status = res.writableFinished ? res.statusCode : 499;
    const method = METHODS.has(req.method ?? "") ? req.method! : "OTHER";
    observeRequest(route, method, status, seconds);
    const line = { requestId, method, route, path, status, ms: Math.round(seconds * 1000) };
    if (status >= 500) logger().error(line, "request");
    else if (route === "/_next/static") logger().debug(line, "request");
    else logger().info(line, "request");
  });
  return requestId;
}
