// Every node-postgres pool of the app (the Prisma adapter's, the job queue's, the page cache's) is made here, so
// that a connection the pool opens for a request does not keep that request in memory for as long as the
// connection lives (lib/outside-requests.ts):
//  - the socket is opened outside the request, so it carries none of the request's AsyncLocalStorage stores;
//  - pg keeps the first connect's callback reachable from a listener for the client's whole life (both are
//    closures of one function), and pg-pool's callback holds the waiting request's promise: the client is
//    given a callback that lets go of pg-pool's after its one call.
import pg from "pg";
import { outsideRequests } from "./outside-requests";

type ConnectCallback = (error: Error | null, client?: pg.Client) => void;
type PgConnectCallback = Parameters<pg.Client["connect"]>[0] & {};

/** A callback that calls `callback` once and then no longer refers to it. */
function callOnce(callback: ConnectCallback): ConnectCallback {
  let pending: ConnectCallback | undefined = callback;
  return (error, client) => {
    const call = pending;
    pending = undefined;
    call?.(error, client);
  };
}

class ClientOutsideRequests extends pg.Client {
  // pg-pool opens each client with connect(callback); the promise form is kept for anyone else.
  override connect(): Promise<pg.Client>;
  override connect(callback: PgConnectCallback): void;
  override connect(callback?: PgConnectCallback): Promise<pg.Client> | void {
    const connect = super.connect.bind(this) as (callback?: ConnectCallback) => Promise<pg.Client> | void;
    const once = callback && callOnce(callback as ConnectCallback);
    return outsideRequests(() => connect(once));
  }
}

export function newPgPool(config: pg.PoolConfig): pg.Pool {
  return new pg.Pool({ ...config, Client: ClientOutsideRequests as unknown as typeof pg.Client });
}
