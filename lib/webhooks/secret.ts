// A webhook's signing secret at rest. The app signs every delivery with it, so it cannot be stored as a hash;
// it is encrypted with AES-256-GCM under a key derived (HKDF-SHA256) from WEBHOOK_SECRET_KEY, or AUTH_SECRET when
// that is not set. A database dump (db:backup) alone then does not give the secrets away; the key lives in the
// environment. Changing the key makes the stored secrets unreadable: their deliveries fail with a clear error
// and an administrator registers the webhook again (README, "Webhooks").
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";

function key(): Buffer {
  const material = process.env.WEBHOOK_SECRET_KEY?.trim() || process.env.AUTH_SECRET?.trim();
  // Unit and integration tests run without an app environment; a real app always has AUTH_SECRET (npm start).
  const base = material || (process.env.NODE_ENV === "test" ? "chengyu-tracker test key" : null);
  if (!base) throw new Error("webhook secrets need WEBHOOK_SECRET_KEY or AUTH_SECRET in the environment");
  return Buffer.from(hkdfSync("sha256", base, "chengyu-tracker", "webhook signing secrets", 32));
}

/** A new secret for a webhook: 32 random bytes, prefixed so it is recognisable in a receiver's configuration. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function encryptSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    sealed.toString("base64url"),
  ].join(":");
}

/** The secret, or null when it cannot be read (another key, or a damaged value). */
export function decryptSecret(stored: string): string | null {
  const [version, iv, tag, sealed] = stored.split(":");
  if (version !== VERSION || !iv || !tag || sealed === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

export function secretHint(secret: string): string {
  return secret.slice(-4);
}
