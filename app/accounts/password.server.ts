import { hash, verify } from "@node-rs/argon2";
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string) {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** German message for a password that must be refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}) {
  if (password.length < PASSWORD_MIN_LENGTH) return `Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen lang sein.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Das Passwort darf höchstens ${PASSWORD_MAX_LENGTH} Zeichen lang sein.`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return "Dieses Passwort steht auf der Liste häufig verwendeter Passwörter. Bitte wählen Sie ein anderes.";
  const emailName = context.email?.split("@")[0]?.toLowerCase();
  if (emailName && emailName.length >= 4 && lower.includes(emailName)) return "Das Passwort darf Ihre E-Mail-Adresse nicht enthalten.";
  return null;
}

/** Spends the same time as a real verification, so unknown emails are not revealed by timing. */
export async function verifyAgainstDummy(password: string) {
  dummyHash ??= await hashPassword("dummy-password-for-timing");
  await verifyPassword(dummyHash, password);
  return false;
}
let dummyHash: string | undefined;
