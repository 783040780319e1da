// Handing a message to an SMTP server with a commit point. SMTP makes a message the server's when the server
// has read the final "." of DATA: a connection lost before it delivers nothing (RFC 5321 §4.1.1.4), one lost
// after it may have delivered the message without our hearing the 250. So the transport streams the whole
// message, then asks `commit()` — the outbox records "committing" there — and only then sends the final ".".
// Built on nodemailer's SMTPConnection (https://nodemailer.com/extras/smtp-connection/) because its
// sendMail() reads the message ahead of the DATA command and gives no such point.
import { Readable } from "node:stream";
import SMTPConnection from "nodemailer/lib/smtp-connection";
import addressparser from "nodemailer/lib/addressparser";
import { parseConnectionUrl } from "nodemailer/lib/shared";

export interface OutgoingMail {
  /** the sender, with or without a name (成渝跟踪 <noreply@example.gov.cn>) */
  from: string;
  to: string;
  /** the complete RFC 5322 message */
  raw: Buffer;
}

export type SendOutcome =
  /** the server accepted the message (250 after the final ".") */
  | { kind: "sent"; response: string }
  /** the server refused it with a reply: nothing was delivered; 5xx is permanent, 4xx worth retrying */
  | { kind: "refused"; permanent: boolean; error: string }
  /** failed before the commit point (connection, timeout, TLS, login): nothing was delivered */
  | { kind: "failed"; error: string }
  /** lost after the commit point with no reply: the server may or may not have the message */
  | { kind: "uncertain"; error: string }
  /** commit() declined (another sender owns the row now): the transaction was aborted, nothing delivered */
  | { kind: "abandoned" };

export interface MailTransport {
  /**
   * Sends one message. `commit` is called once the whole message is with the server and before the final
   * "."; resolving false (or throwing) aborts the SMTP transaction. Never throws.
   */
  send(mail: OutgoingMail, commit: () => Promise<boolean>): Promise<SendOutcome>;
  close(): Promise<void>;
}

export interface SmtpOptions {
  /** ms to connect, to get the greeting, and of silence on the socket (the server's reply to "." included) */
  timeoutMs?: number;
}

/** The bare address of "Name <address>" (the SMTP envelope takes only the address). */
export function envelopeAddress(from: string): string {
  const [first] = addressparser(from, { flatten: true });
  return first?.address || from;
}

type SmtpError = Error & { code?: string; responseCode?: number; response?: string };

function describe(error: SmtpError): string {
  return [error.code, error.responseCode, error.response ?? error.message].filter(Boolean).join(" ").slice(0, 1000);
}

/** A transport to the server of an smtp:// or smtps:// URL; one connection, reused until an error. */
export function smtpTransport(url: string, options: SmtpOptions = {}): MailTransport {
  const timeout = options.timeoutMs ?? 60_000;
  const config = parseConnectionUrl(url);
  let open: Promise<SMTPConnection> | null = null;
  let current: SMTPConnection | null = null;

  const connect = (): Promise<SMTPConnection> =>
    new Promise((resolve, reject) => {
      const connection = new SMTPConnection({
        ...config,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
      });
      current = connection;
      // An error event with no listener would crash the process; send() sees the error through its callback.
      connection.on("error", () => {});
      connection.connect((err?: Error | null) => {
        if (err) return reject(err);
        if (!config.auth) return resolve(connection);
        connection.login(config.auth as SMTPConnection.Credentials, (loginErr?: Error | null) =>
          loginErr ? reject(loginErr) : resolve(connection),
        );
      });
    });

  const drop = () => {
    current?.close();
    current = null;
    open = null;
  };

  return {
    async send(mail, commit) {
      let connection: SMTPConnection;
      try {
        open ??= connect();
        connection = await open;
      } catch (error) {
        drop();
        return { kind: "failed", error: describe(error as SmtpError) };
      }
      let committed = false;
      let abandoned = false;
      let answered = false;
      let step = 0;
      // highWaterMark 0: read() is asked for more only once the message itself has been taken by the
      // connection (after the server's 354), so commit() runs after the body and before the final ".".
      const message = new Readable({
        highWaterMark: 0,
        read() {
          if (step === 0) {
            step = 1;
            this.push(mail.raw);
          } else if (step === 1) {
            step = 2;
            // Refused before DATA, nodemailer drains the message into nothing: no commit for that.
            if (answered) return void this.push(null);
            commit().then(
              (ok) => {
                if (ok) {
                  committed = true;
                  this.push(null);
                } else {
                  abandoned = true;
                  this.destroy(new Error("the claim on this mail was lost"));
                }
              },
              (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
            );
          }
        },
      });
      return new Promise<SendOutcome>((resolve) => {
        connection.send({ from: envelopeAddress(mail.from), to: [mail.to] }, message, (err, info) => {
          answered = true;
          if (!err) return resolve({ kind: "sent", response: info.response });
          // Whatever went wrong, the connection may be mid-transaction: start the next mail on a new one.
          drop();
          const error = err as SmtpError;
          if (abandoned) return resolve({ kind: "abandoned" });
          if (typeof error.responseCode === "number" && error.responseCode >= 400)
            return resolve({ kind: "refused", permanent: error.responseCode >= 500, error: describe(error) });
          resolve(
            committed ? { kind: "uncertain", error: describe(error) } : { kind: "failed", error: describe(error) },
          );
        });
      });
    },
    async close() {
      const connection = current;
      open = null;
      current = null;
      connection?.quit();
    },
  };
}
