import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { appSettings } from "#db/schema";
import { env } from "~/env.server";

/**
 * HMAC-SHA256 signed tokens for links that work without signing in (unsubscribe, Zusage/Absage).
 * The key is APP_SECRET; the embedded mode without it generates one once and keeps it in the
 * database, so links survive restarts and are the same for every process.
 */
let cachedKey: string | undefined;

async function storedSecret(create: boolean, executor: Executor = db) {
  if (create)
    await executor
      .insert(appSettings)
      .values({ key: "app_secret", value: randomBytes(32).toString("base64url") })
      .onConflictDoNothing();
  const [row] = await executor.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, "app_secret"));
  return row?.value;
}

/**
 * Writes the generated secret when needed: call only where writing is allowed (actions, jobs,
 * start). Inside a transaction pass it: on PGlite a query beside an open transaction waits forever.
 */
export async function ensureSigningKey(executor: Executor = db) {
  cachedKey ??= env().APP_SECRET ?? (await storedSecret(true, executor));
  return cachedKey!;
}

async function readSigningKey() {
  cachedKey ??= env().APP_SECRET ?? (await storedSecret(false));
  return cachedKey;
}

/** Tests switch databases and secrets. */
export function forgetSigningKey() {
  cachedKey = undefined;
}

function mac(key: string, purpose: string, data: string) {
  return createHmac("sha256", key).update(`${purpose}\n${data}`).digest("base64url");
}

export async function signToken(purpose: string, data: string, executor: Executor = db) {
  const key = await ensureSigningKey(executor);
  return `${Buffer.from(data).toString("base64url")}.${mac(key, purpose, data)}`;
}

/** The signed data, or null for a forged, altered or foreign token. Never writes. */
export async function verifyToken(purpose: string, token: string): Promise<string | null> {
  const [encoded, signature, extra] = token.split(".");
  if (!encoded || !signature || extra !== undefined || token.length > 500) return null;
  const key = await readSigningKey();
  if (!key) return null;
  const data = Buffer.from(encoded, "base64url").toString();
  const expected = Buffer.from(mac(key, purpose, data));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? data : null;
}
