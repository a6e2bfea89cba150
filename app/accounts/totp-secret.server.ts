import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { env } from "~/env.server";

// docs/decisions/076: AES-256-GCM with a key derived from APP_SECRET when it is set; without
// it (the demo, existing installations) the secret is stored as text, marked so.
const ENCRYPTED = "v1:";
const PLAIN = "plain:";

function key(secret: string) {
  return createHash("sha256").update(`digitalbeirat/totp/${secret}`).digest();
}

/** A new 160-bit TOTP key as base32 (what the authenticator app is given). */
export function newTotpSecret(): string {
  return encodeBase32UpperCaseNoPadding(randomBytes(20));
}

export function sealSecret(base32: string): string {
  const appSecret = env().APP_SECRET;
  if (!appSecret) return `${PLAIN}${base32}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(appSecret), iv);
  const body = Buffer.concat([cipher.update(base32, "utf8"), cipher.final()]);
  return `${ENCRYPTED}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

export function openSecret(stored: string): string {
  if (stored.startsWith(PLAIN)) return stored.slice(PLAIN.length);
  const appSecret = env().APP_SECRET;
  if (!stored.startsWith(ENCRYPTED) || !appSecret) throw new Error("TOTP-Geheimnis nicht lesbar: APP_SECRET fehlt oder ist falsch");
  const raw = Buffer.from(stored.slice(ENCRYPTED.length), "base64");
  const decipher = createDecipheriv("aes-256-gcm", key(appSecret), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

export function secretBytes(base32: string): Uint8Array {
  return decodeBase32IgnorePadding(base32);
}
