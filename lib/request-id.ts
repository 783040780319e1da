// The request id that ties a person's error report to a log line. It comes from an incoming X-Request-Id when
// that is well-formed (nginx's $request_id, a load balancer's or a client's id), else it is made here. It is set
// on the request (so every layer can log it) and returned in the X-Request-Id response header; pages also get
// it in a short-lived cookie that the error pages read (they are client components and cannot see headers).
export const REQUEST_ID_HEADER = "x-request-id";
export const REQUEST_ID_COOKIE = "tracker-request-id";

const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,99}$/;

/** An id a log line can carry as it is: 8–100 characters of letters, digits and . _ : - */
export function isWellFormedRequestId(value: string | null | undefined): value is string {
  return typeof value === "string" && WELL_FORMED.test(value);
}

/** The incoming id when well-formed, else a new one (32 hex digits, like nginx's $request_id). */
export function requestIdFrom(incoming: string | string[] | null | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return isWellFormedRequestId(value) ? value : crypto.randomUUID().replaceAll("-", "");
}
