// A real SMTP server on loopback (the smtp-server package, an ephemeral port) for the e-mail tests: it parses
// every complete message back with mailparser, can refuse recipients with a given reply, and can hold one
// message at a chosen step — its RCPT reply (the client has sent nothing of the message yet) or its reply to the
// final "." (the server already has the whole message) — so a test can kill a sender right there.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Received {
  messageId: string;
  envelopeTo: string[];
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
}

export interface Hold {
  phase: "rcpt" | "data";
  /** the nth message (1-based) reaching that step is held */
  nth: number;
}

export interface TestSmtpServer {
  url: string;
  received: Received[];
  /** replies to a recipient: [code, text] to refuse it, null to accept */
  refuse: (address: string) => [number, string] | null;
  /** holds the nth message from now on reaching that step (null: hold nothing) */
  holdAt(hold: Hold | null): void;
  /** whether a message is being held now */
  holding(): boolean;
  /** how many times each Message-ID arrived */
  countsById(): Map<string, number>;
  stop(): Promise<void>;
}

function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  let rcpts = 0;
  let datas = 0;
  let holdAtCount: number | null = null;
  let holdPhase: Hold["phase"] | null = null;
  const held: (() => void)[] = [];
  const state: TestSmtpServer = {
    url: "",
    received: [],
    refuse: () => null,
    holdAt(hold) {
      for (const release of held.splice(0)) release();
      holdAtCount = hold ? (hold.phase === "rcpt" ? rcpts : datas) + hold.nth : null;
      holdPhase = hold?.phase ?? null;
    },
    holding: () => held.length > 0,
    countsById() {
      const counts = new Map<string, number>();
      for (const r of state.received) counts.set(r.messageId, (counts.get(r.messageId) ?? 0) + 1);
      return counts;
    },
    stop: async () => {
      for (const release of held.splice(0)) release();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 100,
    onRcptTo(address, _session, callback) {
      rcpts++;
      const refusal = state.refuse(address.address);
      if (refusal) return callback(smtpError(...refusal));
      if (holdPhase === "rcpt" && holdAtCount === rcpts) {
        held.push(() => callback(smtpError(421, "closing")));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          datas++;
          const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
          state.received.push({
            messageId: mail.messageId ?? "",
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            to,
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            headers: mail.headers,
          });
          // The whole message is here (the client sent the final "."): counted as received, even if the reply
          // below never reaches the client.
          if (holdPhase === "data" && holdAtCount === datas) {
            held.push(() => callback(smtpError(421, "closing")));
            return;
          }
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  state.url = `smtp://127.0.0.1:${port}`;
  return state;
}

/** Polls `check` until it holds or the deadline passes (no fixed sleeps). */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
