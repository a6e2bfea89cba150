import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import {
  consultations,
  meetings,
  ratingRounds,
  recommendationRounds,
  recommendationTopics,
  topics,
  organizations,
  papers,
  recommendationCoauthors,
  recommendationPapers,
  recommendations,
  recommendationVersions,
  users,
  type Role,
} from "#db/schema";
import { paperPath, paperStatusSql } from "~/papers/status.server";
import { can, type Reader } from "~/policy.server";

export const RECOMMENDATION_PAGE_SIZE = 20;

/** What a reader may see, as a where clause: board all, council published, visitors public ones. */
export function visibleTo(reader: Reader): SQL {
  if (can(reader, "read:recommendation:draft")) return sql`true`;
  if (can(reader, "read:recommendation:published")) return eq(recommendations.status, "published");
  return and(eq(recommendations.status, "published"), eq(recommendations.isPublic, true))!;
}

/** Visitors see public papers only; every signed-in role may read internal papers. */
function paperVisibleTo(reader: Reader): SQL {
  return can(reader, "read:paper:internal") ? sql`true` : eq(papers.isPublic, true);
}

const listColumns = {
  id: recommendations.id,
  reference: recommendations.reference,
  title: recommendations.title,
  summary: recommendations.summary,
  status: recommendations.status,
  isPublic: recommendations.isPublic,
  result: recommendations.result,
  publishedAt: recommendations.publishedAt,
  updatedAt: recommendations.updatedAt,
  voteDeadline: recommendations.voteDeadline,
};

export async function listRecommendations({ reader, page }: { reader: Reader; page: number }) {
  const where = visibleTo(reader);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(listColumns)
      .from(recommendations)
      .where(where)
      .orderBy(sql`${recommendations.status} = 'published'`, desc(recommendations.updatedAt), desc(recommendations.id))
      .limit(RECOMMENDATION_PAGE_SIZE)
      .offset((page - 1) * RECOMMENDATION_PAGE_SIZE),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(recommendations)
      .where(where),
  ]);
  return { items: rows, total };
}

export type RecommendationListItem = Awaited<ReturnType<typeof listRecommendations>>["items"][number];

/** The recommendation if the reader may see it, else null (a 404 for the route). */
export async function getVisibleRecommendation(args: { id: number; reader: Reader; executor?: Executor }) {
  return (await getVisibleRecommendationWithHtml(args))?.rec ?? null;
}

/** The same, and the body's stored HTML with its stamp apart (pages pass `rec` to the browser as it is). */
export async function getVisibleRecommendationWithHtml({ id, reader, executor = db }: { id: number; reader: Reader; executor?: Executor }) {
  const [row] = await executor
    .select({ rec: recommendations, authorName: users.name, authorDeleted: users.deletedAt })
    .from(recommendations)
    .leftJoin(users, eq(users.id, recommendations.createdById))
    .where(and(eq(recommendations.id, id), visibleTo(reader)));
  if (!row) return null;
  const { searchVector: _search, bodyHtml, htmlStamp, ...rec } = row.rec;
  return { rec: { ...rec, authorName: row.authorDeleted ? null : row.authorName }, stored: { bodyHtml, htmlStamp } };
}

export async function listCoauthors({ id }: { id: number }) {
  return db
    .select({ id: users.id, name: users.name })
    .from(recommendationCoauthors)
    .innerJoin(users, eq(users.id, recommendationCoauthors.userId))
    .where(eq(recommendationCoauthors.recommendationId, id))
    .orderBy(asc(users.name));
}

/** Author, co-author, or staff/admin; only while the text is a draft (checked by the caller). */
export async function mayEditDraft({ id, user, executor = db }: { id: number; user: { id: number; role: Role }; executor?: Executor }) {
  if (can(user, "manage:recommendation")) return true;
  if (!can(user, "update:recommendation:own")) return false;
  const [row] = await executor
    .select({ id: recommendations.id })
    .from(recommendations)
    .leftJoin(recommendationCoauthors, and(eq(recommendationCoauthors.recommendationId, recommendations.id), eq(recommendationCoauthors.userId, user.id)))
    .where(and(eq(recommendations.id, id), sql`(${recommendations.createdById} = ${user.id} or ${recommendationCoauthors.userId} is not null)`));
  return Boolean(row);
}

export async function listVersions({ id }: { id: number }) {
  return db
    .select({
      number: recommendationVersions.number,
      createdAt: recommendationVersions.createdAt,
      correctionNote: recommendationVersions.correctionNote,
      authorName: users.name,
    })
    .from(recommendationVersions)
    .leftJoin(users, eq(users.id, recommendationVersions.authorId))
    .where(eq(recommendationVersions.recommendationId, id))
    .orderBy(desc(recommendationVersions.number));
}

export async function getVersion({ id, number }: { id: number; number: number }) {
  const [row] = await db
    .select()
    .from(recommendationVersions)
    .where(and(eq(recommendationVersions.recommendationId, id), eq(recommendationVersions.number, number)));
  return row ?? null;
}

/** Linked papers with their Gremienweg (consultations), both filtered for the reader. */
export async function listLinkedPapers({ id, reader }: { id: number; reader: Reader }) {
  const linked = await db
    .select({
      id: papers.id,
      reference: papers.reference,
      name: papers.name,
      paperType: papers.paperType,
      date: papers.date,
      status: paperStatusSql(papers.id),
    })
    .from(recommendationPapers)
    .innerJoin(papers, eq(papers.id, recommendationPapers.paperId))
    .where(and(eq(recommendationPapers.recommendationId, id), paperVisibleTo(reader)))
    .orderBy(asc(recommendationPapers.position), asc(papers.reference));
  if (linked.length === 0) return [];
  const steps = await db
    .select({
      paperId: consultations.paperId,
      body: organizations.name,
      date: consultations.date,
      role: consultations.role,
      result: consultations.result,
      countYes: consultations.countYes,
      countNo: consultations.countNo,
      countAbstention: consultations.countAbstention,
    })
    .from(consultations)
    .innerJoin(organizations, eq(organizations.id, consultations.organizationId))
    .where(
      and(
        inArray(
          consultations.paperId,
          linked.map((p) => p.id),
        ),
        can(reader, "read:paper:internal") ? sql`true` : eq(consultations.isPublic, true),
      ),
    )
    .orderBy(asc(consultations.paperId), asc(consultations.position));
  return linked.map((paper) => {
    const gremienweg = steps.filter((s) => s.paperId === paper.id);
    const decision = gremienweg.find((s) => s.role === "entscheidung" && s.result) ?? null;
    return { ...paper, path: paperPath(paper.reference), gremienweg, decision };
  });
}

/** For the paper page: the board's recommendations on one paper that the reader may see. */
export async function listRecommendationsForPaper({ paperId, reader }: { paperId: number; reader: Reader }) {
  return db
    .select(listColumns)
    .from(recommendationPapers)
    .innerJoin(recommendations, eq(recommendations.id, recommendationPapers.recommendationId))
    .where(and(eq(recommendationPapers.paperId, paperId), visibleTo(reader)))
    .orderBy(desc(recommendations.publishedAt), desc(recommendations.id));
}

/** Topics (public ones for readers outside the board), rating rounds (board only) and the meeting. */
export async function listOtherLinks({ id, reader, meetingId }: { id: number; reader: Reader; meetingId: number | null }) {
  const board = can(reader, "read:topic:internal");
  const [topicRows, roundRows, meetingRows] = await Promise.all([
    db
      .select({ slug: topics.slug, title: topics.title })
      .from(recommendationTopics)
      .innerJoin(topics, eq(topics.id, recommendationTopics.topicId))
      .where(and(eq(recommendationTopics.recommendationId, id), board ? sql`true` : eq(topics.visibility, "public")))
      .orderBy(asc(topics.title)),
    can(reader, "read:round")
      ? db
          .select({ id: ratingRounds.id, title: ratingRounds.title })
          .from(recommendationRounds)
          .innerJoin(ratingRounds, eq(ratingRounds.id, recommendationRounds.roundId))
          .where(eq(recommendationRounds.recommendationId, id))
          .orderBy(asc(ratingRounds.title))
      : Promise.resolve([] as Array<{ id: number; title: string }>),
    meetingId
      ? db.select({ id: meetings.id, name: meetings.name, start: meetings.start }).from(meetings).where(eq(meetings.id, meetingId))
      : Promise.resolve([]),
  ]);
  return { topics: topicRows, rounds: roundRows, meeting: meetingRows[0] ?? null };
}
