// Environment, validated once. Code reads env().X rather than process.env.X.
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: start the app with `npm start`, which provides one" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parsed lazily so `next build` works without a database. */
export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    }
    cached = parsed.data;
  }
  return cached;
}

const blankIsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const mailSchema = z.object({
  /** smtp://user:pass@host:587 or smtps://…:465; unset: no e-mail at all (the notification centre still works) */
  SMTP_URL: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^smtps?:\/\/[^\s/]+/, "SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465")
      .optional(),
  ),
  /** the sender of every mail */
  MAIL_FROM: z.preprocess(blankIsUnset, z.string().default("成渝双城经济圈落实跟踪 <noreply@localhost>")),
  /** the app's public address, for the links in mails */
  APP_URL: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^https?:\/\/[^\s/]+/, "APP_URL must be the app's public address, e.g. https://tracker.example.gov.cn")
      .optional(),
  ),
  PORT: z.preprocess(blankIsUnset, z.string().default("3000")),
});

export interface MailEnv {
  smtpUrl: string | null;
  from: string;
  /** without a trailing slash */
  appUrl: string;
}

/**
 * The e-mail settings. Read on every call (cheap) rather than cached, and apart from env() so that code which
 * only asks "is e-mail on?" (notify(), in any process) needs no DATABASE_URL.
 */
export function mailEnv(): MailEnv {
  const parsed = mailSchema.safeParse(process.env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const e = parsed.data;
  return {
    smtpUrl: e.SMTP_URL ?? null,
    from: e.MAIL_FROM,
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
  };
}

/** Whether e-mail is on (SMTP_URL set): mails are queued only then, so an app without SMTP keeps no outbox. */
export function mailEnabled(): boolean {
  return (process.env.SMTP_URL ?? "").trim() !== "";
}
