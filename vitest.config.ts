import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";
import { SampleLastSequencer } from "./tests/setup/sequencer";

// Unit tests are pure. Integration tests get a real PostgreSQL from tests/setup/global-setup.ts (embedded
// unless TEST_DATABASE_URL/DATABASE_URL points at a server), and each test file creates its own database.
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // The marker throws outside React Server Components; tests call server modules directly.
      "server-only": fileURLToPath(new URL("./tests/setup/server-only.ts", import.meta.url)),
    },
  },
  test: {
    sequence: { sequencer: SampleLastSequencer },
    // Two files at a time (vitest's default on 2 cores is one): an integration file spends much of its time
    // waiting on PostgreSQL, a process of its own. Each file runs in its own process with its own database.
    maxWorkers: 2,
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/integration-mocks.ts"],
          testTimeout: 60_000,
          // The files that clone the sample template wait for its seed (a year of the reporting cycle and its chase:
          // npm test's background seed, or the first file that asks) in their beforeAll. Measured 562–615 s on the
          // 2-core machine at load 20–22 (bench/SEED.md): this leaves a margin of half as much.
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
