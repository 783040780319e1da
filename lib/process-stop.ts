// What a stopping process must know and do, shared by `npm start`'s stop (scripts/shutdown.ts) and the code in
// Next's server bundle (which has its own copy of every module: the state lives on globalThis under a
// registered symbol). While stopping, /api/ready answers 503 so a proxy sends no new requests here; after the
// HTTP server has drained and the job runners have stopped, the registered pools are closed.
const KEY = Symbol.for("chengyu-tracker.process-stop");

interface StopState {
  stopping: boolean;
  closers: Map<string, () => Promise<void>>;
}

function state(): StopState {
  const holder = globalThis as unknown as Record<symbol, StopState | undefined>;
  return (holder[KEY] ??= { stopping: false, closers: new Map() });
}

export function markStopping(): void {
  state().stopping = true;
}

export function isStopping(): boolean {
  return state().stopping;
}

/** Something to close at the end of a stop (a database pool), under a name: registering a name again replaces it. */
export function closeOnStop(name: string, close: () => Promise<void>): void {
  state().closers.set(name, close);
}

/** Closes everything registered, each once; never throws. */
export async function closeAll(onError: (name: string, error: unknown) => void): Promise<void> {
  const closers = [...state().closers];
  state().closers.clear();
  await Promise.all(closers.map(([name, close]) => close().catch((error: unknown) => onError(name, error))));
}
