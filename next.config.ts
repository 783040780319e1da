import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
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
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "6mb" } },
  // Native and database packages stay in node_modules rather than in the server bundle. @react-pdf/renderer
  // too: it runs its own React reconciler and WebAssembly layout engine (yoga), and reads the Noto Sans SC
  // files from node_modules at render time (lib/export/pdf.tsx).
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "@react-pdf/renderer"],
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default withNextIntl(nextConfig);
