import { eq, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { signInThrottles } from "#db/schema";
import { recordAudit } from "~/accounts/audit.server";

// docs/decisions/074: the client that guesses is blocked; the account it guesses at is only
// slowed, so a stranger cannot keep a member out.
const WINDOW_MINUTES = 15;
export const CLIENT_MAX_FAILURES = 10;
const CLIENT_BLOCK_SECONDS = 60;
const CLIENT_BLOCK_MAX_SECONDS = 3_600;
const ACCOUNT_FREE_FAILURES = 5;
const ACCOUNT_DELAY_MS = 100;
const ACCOUNT_DELAY_MAX_MS = 3_000;

const clientKey = (address: string) => `client:${address}`;
const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;

/** Seconds the client is still blocked, or 0; a refused attempt only bumps a counter. */
export async function clientBlockedSeconds(address: string): Promise<number> {
  const [row] = await db
    .update(signInThrottles)
    .set({ refused: sql`${signInThrottles.refused} + 1` })
    .where(sql`${signInThrottles.key} = ${clientKey(address)} and ${signInThrottles.blockedUntil} > now()`)
    .returning({ until: signInThrottles.blockedUntil, refused: signInThrottles.refused, blocks: signInThrottles.blocks });
  if (!row?.until) return 0;
  // Aggregated: a line at 10, 100, 1000 … refusals, not one per attempt.
  if (Number.isInteger(Math.log10(row.refused))) console.warn(`Anmeldung gedrosselt: ${row.refused} Versuche von ${address} während der Sperre abgewiesen`);
  return Math.max(1, Math.ceil((row.until.getTime() - Date.now()) / 1000));
}

/** How long an attempt at this account waits before the password is checked (0 … 3 s). */
export async function accountDelayMs(email: string): Promise<number> {
  const [row] = await db
    .select({ failures: signInThrottles.failures })
    .from(signInThrottles)
    .where(sql`${signInThrottles.key} = ${accountKey(email)} and ${signInThrottles.windowStartedAt} > now() - make_interval(mins => ${WINDOW_MINUTES})`);
  const failures = row?.failures ?? 0;
  if (failures < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(ACCOUNT_DELAY_MS * 2 ** (failures - ACCOUNT_FREE_FAILURES), ACCOUNT_DELAY_MAX_MS);
}

/** One more failure in the key's window (a new window after 15 quiet minutes); returns the count. */
async function countFailure(key: string) {
  const fresh = sql`${signInThrottles.windowStartedAt} <= now() - make_interval(mins => ${WINDOW_MINUTES})`;
  const [row] = await db
    .insert(signInThrottles)
    .values({ key, failures: 1 })
    .onConflictDoUpdate({
      target: signInThrottles.key,
      set: {
        failures: sql`case when ${fresh} then 1 else ${signInThrottles.failures} + 1 end`,
        windowStartedAt: sql`case when ${fresh} then now() else ${signInThrottles.windowStartedAt} end`,
        // A day without trouble forgets earlier blocks.
        blocks: sql`case when ${signInThrottles.updatedAt} < now() - interval '1 day' then 0 else ${signInThrottles.blocks} end`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ failures: signInThrottles.failures, blocks: signInThrottles.blocks });
  return row;
}

/**
 * Records a failed attempt for the client and the account. The client's tenth failure in the
 * window starts a block (1 min, doubling per block up to 1 h): one audit row and one log line
 * for the block, not one per refused attempt.
 */
export async function recordFailure({ address, email }: { address: string; email: string | null }) {
  if (email) await countFailure(accountKey(email));
  const client = await countFailure(clientKey(address));
  if (client.failures < CLIENT_MAX_FAILURES) return;
  const seconds = Math.min(CLIENT_BLOCK_SECONDS * 2 ** client.blocks, CLIENT_BLOCK_MAX_SECONDS);
  await db.transaction(async (tx) => {
    await tx
      .update(signInThrottles)
      .set({ blockedUntil: sql`now() + make_interval(secs => ${seconds})`, blocks: client.blocks + 1, failures: 0, refused: 0, windowStartedAt: sql`now()` })
      .where(eq(signInThrottles.key, clientKey(address)));
    await recordAudit(tx, { actorId: null, action: "auth.sign_in_throttled", details: { client: address, failures: client.failures, blockSeconds: seconds } });
  });
  console.warn(`Anmeldung gedrosselt: ${address} nach ${client.failures} Fehlversuchen für ${seconds} s gesperrt`);
}

/** A successful sign-in ends the account's slow-down (the client's count stays). */
export async function recordSuccess(email: string) {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, accountKey(email)));
}

export function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
