import { and, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { FOLLOW_TYPES, follows, type FollowType, type Role } from "#db/schema";
import { can } from "~/policy.server";
import { visibleObjectIds } from "./visibility.server";

type Member = { id: number; role: Role };

export function isFollowType(value: string): value is FollowType {
  return (FOLLOW_TYPES as readonly string[]).includes(value);
}

/** Follows or unfollows an object the member may see. Refusals are data: the route picks the status. */
export async function setFollow({ member, type, id, follow }: { member: Member; type: FollowType; id: number; follow: boolean }) {
  if (!can(member, "follow:item")) return { ok: false as const, status: 403 as const };
  if (!(await visibleObjectIds(db, member, type, [id])).has(id)) return { ok: false as const, status: 404 as const };
  if (follow) await db.insert(follows).values({ userId: member.id, objectType: type, objectId: id }).onConflictDoNothing();
  else await db.delete(follows).where(and(eq(follows.userId, member.id), eq(follows.objectType, type), eq(follows.objectId, id)));
  return { ok: true as const };
}

export async function isFollowingObject({ userId, type, id }: { userId: number; type: FollowType; id: number }) {
  const [row] = await db
    .select({ userId: follows.userId })
    .from(follows)
    .where(and(eq(follows.userId, userId), eq(follows.objectType, type), eq(follows.objectId, id)));
  return Boolean(row);
}

export async function followerIds(executor: Executor, type: FollowType, id: number) {
  const rows = await executor
    .select({ userId: follows.userId })
    .from(follows)
    .where(and(eq(follows.objectType, type), eq(follows.objectId, id)));
  return rows.map((row) => row.userId);
}

/** Followers of any of several objects of one type, in one query. */
export async function followerIdsOfAny(executor: Executor, type: FollowType, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await executor
    .selectDistinct({ userId: follows.userId })
    .from(follows)
    .where(and(eq(follows.objectType, type), inArray(follows.objectId, ids)));
  return rows.map((row) => row.userId);
}

export function exportFollows(executor: Executor, userId: number) {
  return executor
    .select({ objectType: follows.objectType, objectId: follows.objectId, createdAt: follows.createdAt })
    .from(follows)
    .where(eq(follows.userId, userId));
}

/** For a page's follow button: null when the viewer cannot follow at all. */
export async function followState(user: Member | null, type: FollowType, id: number) {
  if (!user || !can(user, "follow:item")) return null;
  return { following: await isFollowingObject({ userId: user.id, type, id }) };
}
