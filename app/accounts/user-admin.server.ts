import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { sessions, users, type Role } from "#db/schema";
import { recordAudit } from "./audit.server";
import { accountColumns } from "~/accounts/users.server";

export const USERS_PAGE_SIZE = 25;

export class AccountRuleError extends Error {
  constructor(readonly reason: "lastAdmin" | "ownAccountDisable" | "accountGone") {
    super(reason);
  }
}

/**
 * Locks the active admin rows (always first and in id order, so two changes cannot deadlock)
 * and returns their ids. Two admins demoting each other at once cannot both pass the check.
 */
export async function lockActiveAdmins(tx: Executor) {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt), isNull(users.deletedAt)))
    .orderBy(asc(users.id))
    .for("update");
  return admins.map((admin) => admin.id);
}

/** Refuses a change that would leave no active admin; call after lockActiveAdmins. */
export function assertKeepsAnAdmin(adminIds: number[], userId: number) {
  if (adminIds.includes(userId) && adminIds.length <= 1) throw new AccountRuleError("lastAdmin");
}

export async function listUsers({ page }: { page: number }) {
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        ...accountColumns(),
        disabledAt: users.disabledAt,
        deletedAt: users.deletedAt,
        lastSignInAt: users.lastSignInAt,
        twoFactorSince: users.totpEnabledAt,
      })
      .from(users)
      .orderBy(asc(users.id))
      .limit(USERS_PAGE_SIZE)
      .offset((page - 1) * USERS_PAGE_SIZE),
    db.select({ total: count() }).from(users),
  ]);
  return { users: rows, total };
}

async function lockLiveUser(tx: Executor, userId: number) {
  const [row] = await tx
    .select({ id: users.id, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .for("update");
  if (!row) throw new AccountRuleError("accountGone");
  return row;
}

export async function changeUserRole({ userId, role, actorId }: { userId: number; role: Role; actorId: number }) {
  await db.transaction(async (tx) => {
    const adminIds = await lockActiveAdmins(tx);
    const user = await lockLiveUser(tx, userId);
    if (user.role === role) return;
    if (role !== "admin") assertKeepsAnAdmin(adminIds, userId);
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    await recordAudit(tx, { actorId, action: "user.role_changed", objectType: "user", objectId: userId, details: { from: user.role, to: role } });
  });
}

/** Disabling ends every session of the account in the same transaction. */
export async function setUserDisabled({ userId, disabled, actorId }: { userId: number; disabled: boolean; actorId: number }) {
  if (disabled && userId === actorId) throw new AccountRuleError("ownAccountDisable");
  await db.transaction(async (tx) => {
    const adminIds = await lockActiveAdmins(tx);
    const user = await lockLiveUser(tx, userId);
    if (Boolean(user.disabledAt) === disabled) return;
    if (disabled) assertKeepsAnAdmin(adminIds, userId);
    await tx
      .update(users)
      .set({ disabledAt: disabled ? sql`now()` : null })
      .where(eq(users.id, userId));
    if (disabled) await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(tx, { actorId, action: disabled ? "user.disabled" : "user.enabled", objectType: "user", objectId: userId });
  });
}
