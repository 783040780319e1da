// The secret that signs and encrypts session cookies. AUTH_SECRET wins when set; otherwise one is generated on
// first start and kept in the database, so every app instance on that database accepts the same sessions
// and a restart does not sign anybody out.
import { randomBytes } from "node:crypto";
import pg from "pg";

export async function resolveAuthSecret(
  databaseUrl: string,
  env: Record<string, string | undefined> = process.env,
): Promise<string> {
  const configured = env.AUTH_SECRET?.trim();
  if (configured) return configured;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO app_settings (key, value) VALUES ('auth_secret', $1) ON CONFLICT (key) DO NOTHING`,
      [randomBytes(32).toString("base64url")],
    );
    const { rows } = await client.query<{ value: string }>(`SELECT value FROM app_settings WHERE key = 'auth_secret'`);
    return rows[0]!.value;
  } finally {
    await client.end();
  }
}
