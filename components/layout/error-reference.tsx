"use client";

import { useSyncExternalStore } from "react";
import { isWellFormedRequestId, REQUEST_ID_COOKIE } from "@/lib/request-id";

function readReference(): string | null {
  const entry = document.cookie.split("; ").find((c) => c.startsWith(`${REQUEST_ID_COOKIE}=`));
  const value = entry ? decodeURIComponent(entry.slice(REQUEST_ID_COOKIE.length + 1)) : null;
  return isWellFormedRequestId(value) ? value : null;
}

const subscribe = () => () => {};

/**
 * The request id of the request that failed (set by proxy.ts in a cookie on every page, navigation and action
 * response), for the error pages: a person quotes it, and operations find the log line with that requestId.
 * Nothing is shown during the server render; the browser fills it in.
 */
export function useErrorReference(): string | null {
  return useSyncExternalStore(subscribe, readReference, () => null);
}

/** "错误编号 …" / "Error reference …", or nothing when the id is unknown. Each `{id}` in `label` shows the id. */
export function ErrorReference({ label }: { label: string }) {
  const id = useErrorReference();
  if (!id) return null;
  return (
    <p className="error-reference" data-testid="error-reference">
      {label.split("{id}").map((part, i) => (
        <span key={i}>
          {i > 0 && <code>{id}</code>}
          {part}
        </span>
      ))}
    </p>
  );
}
