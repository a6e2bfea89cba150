import { and, desc, eq, sql } from "drizzle-orm";
import { refuse } from "~/lib/refusal";
import { db } from "#db/client.server";
import { follows, topicReads, topics } from "#db/schema";
import { topicVisibleTo, type Failure } from "~/topics/topics.server";
import { isTopicSlug } from "~/topics/slug.server";
import { can, type Actor } from "~/policy.server";

type Member = Actor;

async function visibleTopicId(member: Member, slug: string) {
  if (!isTopicSlug(slug)) return null;
  const [row] = await db
    .select({ id: topics.id })
    .from(topics)
    .where(and(eq(topics.slug, slug), topicVisibleTo(member)));
  return row?.id ?? null;
}

const NO_TOPIC: Failure = refuse(404, "Dieses Thema gibt es nicht.");

/** Recorded by a POST (a fetcher on mount, or the "als gelesen markieren" button), never by a loader. */
export async function markTopicRead({ member, slug }: { member: Member; slug: string }) {
  const topicId = await visibleTopicId(member, slug);
  if (!topicId) return NO_TOPIC;
  await db
    .insert(topicReads)
    .values({ userId: member.id, topicId, readAt: sql`now()` })
    .onConflictDoUpdate({ target: [topicReads.userId, topicReads.topicId], set: { readAt: sql`now()` } });
  return { ok: true as const };
}

export async function setFollowing({ member, slug, follow }: { member: Member; slug: string; follow: boolean }) {
  if (!can(member, "follow:item")) return refuse(403, "Sie können Themen nicht folgen.");
  const topicId = await visibleTopicId(member, slug);
  if (!topicId) return NO_TOPIC;
  if (follow) {
    await db.insert(follows).values({ userId: member.id, objectType: "topic", objectId: topicId }).onConflictDoNothing();
  } else {
    await db.delete(follows).where(and(eq(follows.userId, member.id), eq(follows.objectType, "topic"), eq(follows.objectId, topicId)));
  }
  return { ok: true as const };
}

export async function isFollowing({ userId, topicId }: { userId: number; topicId: number }) {
  const [row] = await db
    .select({ userId: follows.userId })
    .from(follows)
    .where(and(eq(follows.userId, userId), eq(follows.objectType, "topic"), eq(follows.objectId, topicId)));
  return Boolean(row);
}

/** Followed topics with comments by others since the member last read them (or began following). */
export async function listFollowedTopicsWithNews({ member, limit = 10 }: { member: Member; limit?: number }) {
  const since = sql`coalesce(${topicReads.readAt}, ${follows.createdAt})`;
  const newComments = sql<number>`(select count(*)::int from comments c
    where c.topic_id = ${topics.id} and c.created_at > ${since} and c.author_id <> ${member.id}
      and c.deleted_at is null and c.hidden_at is null)`;
  const rows = await db
    .select({ slug: topics.slug, title: topics.title, lastActivityAt: topics.lastActivityAt, newComments })
    .from(follows)
    .innerJoin(topics, and(eq(follows.objectType, "topic"), eq(topics.id, follows.objectId)))
    .leftJoin(topicReads, and(eq(topicReads.topicId, topics.id), eq(topicReads.userId, member.id)))
    .where(and(eq(follows.userId, member.id), topicVisibleTo(member), sql`${newComments} > 0`))
    .orderBy(desc(topics.lastActivityAt), desc(topics.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, lastActivityAt: row.lastActivityAt.toISOString() }));
}
