// A route handler's plain-text answer (an error a person reads in the browser, or a script in its log).

/** Plain UTF-8 text with `status`, never cached. */
export function plainText(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
