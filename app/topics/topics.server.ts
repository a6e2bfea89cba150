import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { refuse, type Refusal } from "~/lib/refusal";
import { findErrorCode, violatedConstraint } from "~/lib/error-chain";
import { db, type Executor } from "#db/client.server";
import { comments, follows, topicFields, topicReads, topics, users, type Role, type TopicStatus, type TopicVisibility } from "#db/schema";
import { recordAudit } from "~/accounts/audit.server";
import { isTopicSlug, uniqueTopicSlug } from "~/topics/slug.server";
import { can, isBoardMember, type Reader } from "~/policy.server";
import { renderedColumns } from "~/server/markdown/stored.server";

export type Failure = Refusal;
export const TOPICS_PAGE_SIZE = 25;

/** The visibility rule every topic query carries: board members see all, others only public. */
export function topicVisibleTo(reader: Reader): SQL {
  return isBoardMember(reader) ? sql`true` : sql`${topics.visibility} = 'public'`;
}

const commentCount = sql<number>`(select count(*)::int from ${comments} c where c.topic_id = ${topics.id} and c.deleted_at is null and c.hidden_at is null)`;

/** Newest activity first, with comment counts and (signed in) the unread marker. */
export async function listTopics({ reader, page, fieldId }: { reader: Reader; page: number; fieldId?: number }) {
  const where = and(topicVisibleTo(reader), fieldId ? eq(topics.fieldId, fieldId) : undefined);
  const readerId = reader?.id ?? -1;
  const rows = await db
    .select({
      id: topics.id,
      slug: topics.slug,
      title: topics.title,
      status: topics.status,
      visibility: topics.visibility,
      lastActivityAt: topics.lastActivityAt,
      fieldName: topicFields.name,
      commentCount,
      readAt: topicReads.readAt,
      // Counted apart from the page (an InitPlan over the index), so that the page walks
      // topics_visibility_activity_idx and stops after its 20 rows; a window count read every
      // visible topic first (issue 15).
      total: sql<number>`(select count(*) from ${topics} where ${where ?? sql`true`})::int`,
    })
    .from(topics)
    .innerJoin(topicFields, eq(topicFields.id, topics.fieldId))
    .leftJoin(topicReads, and(eq(topicReads.topicId, topics.id), eq(topicReads.userId, readerId)))
    .where(where)
    .orderBy(desc(topics.lastActivityAt), desc(topics.id))
    .limit(TOPICS_PAGE_SIZE)
    .offset((page - 1) * TOPICS_PAGE_SIZE);
  const total = rows[0]?.total ?? (page > 1 ? await countTopics(where) : 0);
  return {
    total,
    topics: rows.map(({ total: _total, readAt, ...row }) => ({
      ...row,
      unread: reader !== null && (readAt === null || row.lastActivityAt > readAt),
    })),
  };
}

async function countTopics(where: SQL | undefined) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(topics)
    .where(where);
  return row.count;
}

const topicColumns = {
  id: topics.id,
  slug: topics.slug,
  title: topics.title,
  body: topics.body,
  bodyHtml: topics.bodyHtml,
  htmlStamp: topics.htmlStamp,
  status: topics.status,
  visibility: topics.visibility,
  fieldId: topics.fieldId,
  fieldName: topicFields.name,
  createdAt: topics.createdAt,
  updatedAt: topics.updatedAt,
  lastActivityAt: topics.lastActivityAt,
  authorId: topics.authorId,
  authorName: users.name,
  authorOrganisation: users.organisation,
  authorRole: users.role,
  authorDeletedAt: users.deletedAt,
};

/** A topic the reader may see, with author and field; null otherwise (the route answers 404). */
export async function getTopic({ reader, slug }: { reader: Reader; slug: string }) {
  if (!isTopicSlug(slug)) return null;
  const [row] = await db
    .select(topicColumns)
    .from(topics)
    .innerJoin(topicFields, eq(topicFields.id, topics.fieldId))
    .innerJoin(users, eq(users.id, topics.authorId))
    .where(and(eq(topics.slug, slug), topicVisibleTo(reader)));
  return row ?? null;
}

/**
 * The topic page's read: the topic, and in the same statement when the reader last marked it
 * read (null: never) and whether they follow it.
 */
export async function getTopicForReader({ reader, slug }: { reader: Reader; slug: string }) {
  if (!isTopicSlug(slug)) return null;
  const readerId = reader?.id ?? null;
  const [row] = await db
    .select({
      ...topicColumns,
      readAt:
        sql<Date | null>`(select ${topicReads.readAt} from ${topicReads} where ${topicReads.userId} = ${readerId} and ${topicReads.topicId} = ${topics.id})`.mapWith(
          topicReads.readAt,
        ),
      following: sql<boolean>`exists (select 1 from ${follows} where ${follows.userId} = ${readerId} and ${follows.objectType} = 'topic' and ${follows.objectId} = ${topics.id})`,
    })
    .from(topics)
    .innerJoin(topicFields, eq(topicFields.id, topics.fieldId))
    .innerJoin(users, eq(users.id, topics.authorId))
    .where(and(eq(topics.slug, slug), topicVisibleTo(reader)));
  return row ? { ...row, readAt: readerId === null ? null : row.readAt, following: readerId !== null && Boolean(row.following) } : null;
}

export function canEditTopic(user: Reader, topic: { authorId: number }) {
  return can(user, "update:topic:any") || (can(user, "update:topic:own") && topic.authorId === user?.id);
}

export type TopicInput = { title: string; body: string; fieldId: number; visibility: TopicVisibility };

/** Two members opening topics with the same title at once race for the slug: the loser retries. */
export async function createTopic({ author, input }: { author: { id: number; role: Role }; input: TopicInput }) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertTopic(author, input);
    } catch (error) {
      if (attempt >= 6 || !isSlugConflict(error)) throw error;
    }
  }
}

function isSlugConflict(error: unknown) {
  return findErrorCode(error, (code) => code === "23505") !== null && violatedConstraint(error) === "topics_slug_unique";
}

async function insertTopic(author: { id: number }, input: TopicInput) {
  return db.transaction(async (tx) => {
    if (!(await fieldExists(tx, input.fieldId))) return fieldMissing();
    const slug = await uniqueTopicSlug(tx, input.title);
    const [row] = await tx
      .insert(topics)
      .values({ ...input, slug, authorId: author.id, ...renderedColumns("portal", { bodyHtml: input.body }) })
      .returning({ id: topics.id, slug: topics.slug });
    await tx.insert(topicReads).values({ userId: author.id, topicId: row.id });
    await recordAudit(tx, {
      actorId: author.id,
      action: "topic.created",
      objectType: "topic",
      objectId: row.id,
      details: { slug, visibility: input.visibility },
    });
    return { ok: true as const, slug: row.slug };
  });
}

/** When the reader last marked the topic read (null: never); the page highlights newer comments. */
export async function getReadAt({ userId, topicId }: { userId: number; topicId: number }) {
  const [row] = await db
    .select({ readAt: topicReads.readAt })
    .from(topicReads)
    .where(and(eq(topicReads.userId, userId), eq(topicReads.topicId, topicId)));
  return row?.readAt ?? null;
}

export async function updateTopic({ actor, slug, input }: { actor: { id: number; role: Role }; slug: string; input: TopicInput & { status: TopicStatus } }) {
  if (!isTopicSlug(slug)) return refuse(404, "Dieses Thema gibt es nicht.");
  return db.transaction(async (tx): Promise<Failure | { ok: true; slug: string }> => {
    const [topic] = await tx
      .select()
      .from(topics)
      .where(and(eq(topics.slug, slug), topicVisibleTo(actor)))
      .for("update");
    if (!topic) return refuse(404, "Dieses Thema gibt es nicht.");
    if (!canEditTopic(actor, topic)) return refuse(403, "Sie dürfen dieses Thema nicht bearbeiten.");
    if (!(await fieldExists(tx, input.fieldId))) return fieldMissing();
    await tx
      .update(topics)
      .set({ ...input, ...renderedColumns("portal", { bodyHtml: input.body }), updatedAt: new Date() })
      .where(eq(topics.id, topic.id));
    const changed = (Object.keys(input) as Array<keyof typeof input>).filter((key) => topic[key] !== input[key]);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "topic.updated",
      objectType: "topic",
      objectId: topic.id,
      details: { changed, status: input.status, visibility: input.visibility },
    });
    return { ok: true, slug: topic.slug };
  });
}

async function fieldExists(tx: Executor, fieldId: number) {
  const [row] = await tx.select({ id: topicFields.id }).from(topicFields).where(eq(topicFields.id, fieldId));
  return Boolean(row);
}

function fieldMissing(): Failure {
  return refuse(422, "Bitte wählen Sie ein vorhandenes Handlungsfeld.");
}

/** Fields of action with the number of topics this reader may see in each, for the list's navigation. */
export async function listFieldsWithTopicCounts({ reader }: { reader: Reader }) {
  return db
    .select({ id: topicFields.id, name: topicFields.name, topicCount: sql<number>`count(${topics.id})::int` })
    .from(topicFields)
    .leftJoin(topics, and(eq(topics.fieldId, topicFields.id), topicVisibleTo(reader)))
    .groupBy(topicFields.id, topicFields.name, topicFields.position)
    .orderBy(asc(topicFields.position), asc(topicFields.name));
}

export async function listFieldOptions() {
  return db.select({ id: topicFields.id, name: topicFields.name }).from(topicFields).orderBy(asc(topicFields.position), asc(topicFields.name));
}
