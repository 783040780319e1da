// An edit burst over HTTP that the spec crashes in the middle: several signed-in editors, each posting
// progress updates (the real form's server action) to two items of their own unit in two concurrent loops, so
// many requests are always in flight. Every write carries a unique note, which is how the spec finds it in
// the database afterwards. A write is "accepted" when the app answered ok, "refused" when it answered with a
// failure (after "unavailable" the lane goes on with its next write), "in flight" when the connection broke before an answer (it may or may not have committed), and
// "not sent" when the connection was refused (the server was already dead).
import { formOf, type HttpSession } from "../../../tests/support/http-client";

export interface BurstClient {
  login: string;
  session: HttpSession;
  items: { id: number; code: string; version: number }[];
}

export type Outcome = "accepted" | "refused" | "in-flight" | "not-sent";

export interface BurstWrite {
  login: string;
  itemId: number;
  code: string;
  note: string;
  progress: number;
  outcome: Outcome;
  /** the item version the app answered for an accepted write */
  version?: number;
  /** the failure code or HTTP status of a refused write */
  answer?: string;
}

export interface BurstResult {
  writes: BurstWrite[];
  /** requests sent and not yet answered when the kill was issued */
  inFlightAtKill: number;
}

interface PostResult {
  ok: boolean;
  code?: string;
  data?: { code: string; version: number };
}

function brokenConnection(error: unknown): Outcome {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code === "ECONNREFUSED" ? "not-sent" : "in-flight";
}

/**
 * Runs the burst until `acceptedBeforeKill` writes were accepted, then calls `kill` (with requests in flight)
 * and lets every loop run into the dead server. Resolves when every loop has stopped.
 */
export async function burstUntilKilled(
  clients: BurstClient[],
  tag: string,
  acceptedBeforeKill: number,
  kill: () => Promise<void>,
): Promise<BurstResult> {
  const writes: BurstWrite[] = [];
  let accepted = 0;
  let pending = 0;
  let inFlightAtKill = -1;
  let killing: Promise<void> | undefined;

  const loop = async (client: BurstClient, item: BurstClient["items"][number], lane: number) => {
    let version = item.version;
    let unavailableInARow = 0;
    for (let n = 0; ; n++) {
      const progress = (lane * 13 + n * 7) % 101;
      const write: BurstWrite = {
        login: client.login,
        itemId: item.id,
        code: item.code,
        note: `${tag} ${client.login} ${item.code} #${n}`,
        progress,
        outcome: "in-flight",
      };
      writes.push(write);
      const form = formOf({
        itemId: item.id,
        expectedVersion: version,
        status: "IN_PROGRESS",
        progress,
        confidence: n % 2 ? "AMBER" : "GREEN",
        note: write.note,
      });
      pending++;
      try {
        const response = await client.session.callAction<PostResult>(
          "lib/actions/items.ts",
          "postProgressUpdate",
          [null, form],
          `/items/${item.code}/update`,
        );
        if (response.value?.ok && response.value.data) {
          write.outcome = "accepted";
          write.version = response.value.data.version;
          version = write.version;
          accepted++;
          unavailableInARow = 0;
        } else {
          write.outcome = "refused";
          write.answer = response.value?.code ?? `HTTP ${response.status}`;
          // "unavailable" (the database could not take the write now) may be retried; anything else ends the lane.
          if (write.answer !== "unavailable" || ++unavailableInARow >= 5) return;
        }
      } catch (error) {
        write.outcome = brokenConnection(error);
        return;
      } finally {
        pending--;
      }
      if (accepted >= acceptedBeforeKill && !killing) {
        inFlightAtKill = pending;
        killing = kill();
        // Handled here so a failed kill/restart is not an unhandled rejection; it is rethrown below.
        killing.catch(() => undefined);
      }
    }
  };

  await Promise.all(clients.flatMap((client, c) => client.items.map((item, i) => loop(client, item, c * 2 + i))));
  await killing;
  return { writes, inFlightAtKill };
}

export function countOutcomes(writes: BurstWrite[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { accepted: 0, refused: 0, "in-flight": 0, "not-sent": 0 };
  for (const w of writes) counts[w.outcome]++;
  return counts;
}
