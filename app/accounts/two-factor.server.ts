import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { and, eq, isNull, sql } from "drizzle-orm";
import QRCode from "qrcode";
import { db, type Executor } from "#db/client.server";
import { recoveryCodes, users, type Role } from "#db/schema";
import { env } from "~/env.server";
import { recordAudit } from "~/accounts/audit.server";
import { newTotpSecret, openSecret, sealSecret, secretBytes } from "./totp-secret.server";

// RFC 6238 defaults every authenticator app understands.
const PERIOD = 30;
const DIGITS = 6;
/** One step either side of now: clocks drift, people type slowly. */
const DRIFT_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;
const DEMO_DOMAIN = "@demo.digitalbeirat.de";

/**
 * Whether this member must sign in with a second factor: roles in REQUIRE_2FA_ROLES; in demo
 * mode the demo's own accounts are exempt (said on the sign-in page), real accounts are not.
 */
export function twoFactorRequired(user: { role: Role; email: string | null }) {
  const { REQUIRE_2FA_ROLES, DEMO_MODE } = env();
  if (!REQUIRE_2FA_ROLES.includes(user.role)) return false;
  return !(DEMO_MODE && (user.email ?? "").toLowerCase().endsWith(DEMO_DOMAIN));
}

export function demoAccountsExempt() {
  return env().DEMO_MODE && env().REQUIRE_2FA_ROLES.length > 0;
}

function currentStep() {
  return Math.floor(Date.now() / 1000 / PERIOD);
}

function sameCode(a: string, b: string) {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** The time step a code belongs to (now ± drift), or null. */
function matchingStep(base32: string, code: string): number | null {
  const normalized = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(normalized)) return null;
  const key = secretBytes(base32);
  const now = currentStep();
  for (let step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
    if (sameCode(generateHOTP(key, BigInt(step), DIGITS), normalized)) return step;
  }
  return null;
}

/** What the enrolment page shows: the secret as text and as a QR code (SVG, drawn here). */
export async function enrolmentView({ userId }: { userId: number }) {
  const [row] = await db.select({ email: users.email, pending: users.totpPendingSecret }).from(users).where(eq(users.id, userId));
  if (!row?.pending) return null;
  const secret = openSecret(row.pending);
  const uri = createTOTPKeyURI(env().BOARD_NAME, row.email ?? "", secretBytes(secret), PERIOD, DIGITS);
  const svg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return { secret: secret.replace(/(.{4})/g, "$1 ").trim(), svg };
}

/** A fresh secret to confirm (replaces an unconfirmed one). */
export async function startEnrolment(executor: Executor, userId: number) {
  await executor
    .update(users)
    .set({ totpPendingSecret: sealSecret(newTotpSecret()) })
    .where(eq(users.id, userId));
}

function hashRecoveryCode(code: string) {
  return createHash("sha256")
    .update(code.toLowerCase().replace(/[^a-z0-9]/g, ""))
    .digest("hex");
}

/** Ten new one-time codes (the old ones go); returned once, stored as hashes only. */
async function replaceRecoveryCodes(executor: Executor, userId: number) {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = randomBytes(8).toString("hex").slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  await executor.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await executor.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

/** Confirms the pending secret with a code from the app; returns the recovery codes, or null. */
export async function confirmEnrolment({ userId, code }: { userId: number; code: string }): Promise<string[] | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ pending: users.totpPendingSecret }).from(users).where(eq(users.id, userId)).for("update");
    if (!row?.pending) return null;
    const step = matchingStep(openSecret(row.pending), code);
    if (step === null) return null;
    await tx
      .update(users)
      .set({ totpSecret: row.pending, totpPendingSecret: null, totpEnabledAt: sql`now()`, totpLastStep: step })
      .where(eq(users.id, userId));
    const codes = await replaceRecoveryCodes(tx, userId);
    await recordAudit(tx, { actorId: userId, action: "auth.2fa_enabled", objectType: "user", objectId: userId });
    return codes;
  });
}

/**
 * A code from the app, accepted once: the step must be newer than the last accepted one, and
 * the update that records it is conditional, so two requests with one code cannot both pass.
 */
export async function verifyTotp({ userId, code }: { userId: number; code: string }): Promise<boolean> {
  const [row] = await db.select({ secret: users.totpSecret, enabled: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  if (!row?.secret || !row.enabled) return false;
  const step = matchingStep(openSecret(row.secret), code);
  if (step === null) return false;
  const updated = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`))
    .returning({ id: users.id });
  return updated.length === 1;
}

/** A recovery code, used up by this sign-in. */
export async function redeemRecoveryCode({ userId, code }: { userId: number; code: string }): Promise<boolean> {
  if (code.length > 40) return false;
  return db.transaction(async (tx) => {
    const used = await tx
      .update(recoveryCodes)
      .set({ usedAt: sql`now()` })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    if (used.length === 0) return false;
    await recordAudit(tx, { actorId: userId, action: "auth.2fa_recovery_code_used", objectType: "user", objectId: userId });
    return true;
  });
}

export async function twoFactorStatus({ userId }: { userId: number }) {
  const [row] = await db
    .select({
      enabledAt: users.totpEnabledAt,
      pending: sql<boolean>`${users.totpPendingSecret} is not null`,
      codesLeft: sql<number>`(select count(*)::int from ${recoveryCodes} where ${recoveryCodes.userId} = ${users.id} and ${recoveryCodes.usedAt} is null)`,
    })
    .from(users)
    .where(eq(users.id, userId));
  return { enabled: Boolean(row?.enabledAt), enabledAt: row?.enabledAt ?? null, pending: Boolean(row?.pending), codesLeft: row?.codesLeft ?? 0 };
}

export async function isTwoFactorEnabled(userId: number) {
  return (await twoFactorStatus({ userId })).enabled;
}

/** Removes the second factor (own choice, an admin's reset, or the command line), audited. */
export async function removeTwoFactor({ actorId, userId, action }: { actorId: number | null; userId: number; action: "auth.2fa_disabled" | "auth.2fa_reset" }) {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, totpPendingSecret: null }).where(eq(users.id, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await recordAudit(tx, { actorId, action, objectType: "user", objectId: userId });
  });
}

export async function newRecoveryCodes({ userId }: { userId: number }) {
  return db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, userId);
    await recordAudit(tx, { actorId: userId, action: "auth.2fa_recovery_codes_renewed", objectType: "user", objectId: userId });
    return codes;
  });
}
