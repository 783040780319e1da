import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/http/action-request";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Type checking is its own step of `npm test` (tsc --noEmit over app, lib, scripts and tests alike), so the
  // build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // forbidden() in reads renders app/forbidden.tsx with HTTP 403.
  // Server actions carry uploads: the items import accepts files up to 5 MB (lib/validations/import.ts) and
  // must answer a bigger one itself, so the framework's cap sits a little above that (default 1 MB).
  // proxy.ts answers a body over that cap with 413 (Next's own answer is a 500); it reads a copy Next buffers
  // for it, cut at proxyClientMaxBodySize, which must therefore exceed the cap (a cut body reaches the
  // action too). The evidence upload (files up to 20 MB, POST /api/evidence) does not run through proxy.ts
  // (see its matcher), so this cap never cuts it, and its route refuses an oversized body from the headers.
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
    proxyClientMaxBodySize: ACTION_BODY_LIMIT_BYTES + 1024 * 1024,
  },
  // Native and database packages stay in node_modules rather than in the server bundle. @react-pdf/renderer
  // too: it runs its own React reconciler and WebAssembly layout engine (yoga), and reads the Noto Sans SC
  // files from node_modules at render time (lib/export/pdf.tsx). graphile-worker (the job runner, started by
  // instrumentation.ts) loads its presets and task files with runtime require/import, which a bundle breaks.
  // chinese-days (lib/workdays.ts) declares "type": "commonjs" but ships its "module" entry as ES syntax, which
  // Turbopack refuses to bundle; Node loads its CommonJS "main" instead. prom-client: one copy in the process,
  // shared by `npm start`'s HTTP server (request metrics) and the app (everything else); pino is external by
  // Next's own default.
  serverExternalPackages: [
    "prom-client",
    "@node-rs/argon2",
    "pg",
    "@prisma/adapter-pg",
    "@react-pdf/renderer",
    "graphile-worker",
    "chinese-days",
  ],
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default withNextIntl(nextConfig);
