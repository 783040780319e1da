// Loaded before every integration test file (vitest.config.ts setupFiles). Server actions are called directly,
// outside a request: the session comes from tests/support/session.ts and revalidation does nothing.
import { vi } from "vitest";

vi.mock("@/lib/auth/claims", async () => {
  const { currentClaims } = await import("../support/session");
  return { readSessionClaims: async () => currentClaims() };
});
vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
  refresh: () => undefined,
}));
