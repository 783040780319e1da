// Outside a request Next's redirect(), forbidden() and notFound() cannot answer: for vi.mock("next/navigation")
// they throw what the page would answer, with the digest Next's own boundaries read.
//   vi.mock("next/navigation", async () => (await import("../support/next-interrupts")).navigationInterrupts);

export const navigationInterrupts = {
  redirect(url: string): never {
    throw Object.assign(new Error(`redirect ${url}`), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
  forbidden(): never {
    throw Object.assign(new Error("forbidden"), { digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
  },
  notFound(): never {
    throw Object.assign(new Error("not found"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
  },
};

/**
 * What a page would answer for a read: "ok"; "forbidden" / "not-found" when it interrupts with 403 / 404; or the
 * address it redirects to.
 */
export async function interruptOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2]!;
    if (digest.includes(";403")) return "forbidden";
    if (digest.includes(";404")) return "not-found";
    throw error;
  }
}
