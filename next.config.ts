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
  experimental: { authInterrupts: true },
  // Native and database packages stay in node_modules rather than in the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg"],
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default withNextIntl(nextConfig);
