import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import {
  agendaItems,
  commitmentEntries,
  commitmentRecommendations,
  commitments,
  commitmentTopics,
  meetings,
  papers,
  recommendations,
  topics,
  users,
} from "#db/schema";
import { t } from "~/i18n/de";
import { refuse, type Refusal } from "~/lib/refusal";
import { recordAudit } from "~/accounts/audit.server";
import { paperPath } from "~/papers/paper-path";
import { can, type Actor, type Reader } from "~/policy.server";
import type { CommitmentInput } from "./schemas.server";
import { commitmentVisibleTo } from "./visibility.server";

const e = t.commitments.errors;
export const COMMITMENT_PAGE_SIZE = 30;
export type CommitmentFilter = "alle" | "offen" | "ueberfaellig";

/** Berlin calendar date of today, for "overdue": due before today and still open. */
export const todayInBerlin = sql`(now() at time zone 'Europe/Berlin')::date`;
export const isOverdueSql = sql<boolean>`(${commitments.status} in ('offen', 'in_arbeit') and ${commitments.dueDate} < ${todayInBerlin})`;

const listColumns = {
  id: commitments.id,
  title: commitments.title,
  office: commitments.office,
  status: commitments.status,
  dueText: commitments.dueText,
  dueDate: commitments.dueDate,
  isPublic: commitments.isPublic,
  overdue: isOverdueSql,
  paperReference: papers.reference,
};

export async function listCommitments({ reader, filter, page }: { reader: Reader; filter: CommitmentFilter; page: number }) {
  const conditions = [commitmentVisibleTo(reader)];
  if (filter === "offen") conditions.push(sql`${commitments.status} in ('offen', 'in_arbeit')`);
  if (filter === "ueberfaellig") conditions.push(isOverdueSql);
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(listColumns)
      .from(commitments)
      .leftJoin(papers, eq(papers.id, commitments.sourcePaperId))
      .where(where)
      .orderBy(sql`${commitments.dueDate} asc nulls last`, asc(commitments.id))
      .limit(COMMITMENT_PAGE_SIZE)
      .offset((page - 1) * COMMITMENT_PAGE_SIZE),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(commitments)
      .where(where),
  ]);
  return { items: rows.map((row) => ({ ...row, paperPath: row.paperReference ? paperPath(row.paperReference) : null })), total };
}

/** Overdue commitments for the board's dashboard, oldest due date first. */
export async function listOverdueCommitments({ limit = 10 }: { limit?: number } = {}) {
  return db
    .select({ id: commitments.id, title: commitments.title, office: commitments.office, dueDate: commitments.dueDate, status: commitments.status })
    .from(commitments)
    .where(isOverdueSql)
    .orderBy(asc(commitments.dueDate), asc(commitments.id))
    .limit(limit);
}

/** One commitment with its source, links and history, filtered for the reader; null when not visible. */
export async function getVisibleCommitment({ id, reader }: { id: number; reader: Reader }) {
  const [row] = await db
    .select({
      commitment: commitments,
      overdue: isOverdueSql,
      paperReference: papers.reference,
      paperName: papers.name,
      meetingId: meetings.id,
      meetingName: meetings.name,
      agendaNumber: agendaItems.number,
      agendaName: agendaItems.name,
    })
    .from(commitments)
    .leftJoin(papers, eq(papers.id, commitments.sourcePaperId))
    .leftJoin(meetings, eq(meetings.id, commitments.sourceMeetingId))
    .leftJoin(agendaItems, eq(agendaItems.id, commitments.sourceAgendaItemId))
    .where(and(eq(commitments.id, id), commitmentVisibleTo(reader)));
  if (!row) return null;
  const board = can(reader, "read:commitment:internal");
  const [recs, topicRows, entries] = await Promise.all([
    db
      .select({ id: recommendations.id, reference: recommendations.reference, title: recommendations.title })
      .from(commitmentRecommendations)
      .innerJoin(recommendations, eq(recommendations.id, commitmentRecommendations.recommendationId))
      .where(
        and(
          eq(commitmentRecommendations.commitmentId, id),
          board ? sql`true` : eq(recommendations.status, "published"),
          can(reader, "read:recommendation:published") ? sql`true` : eq(recommendations.isPublic, true),
        ),
      )
      .orderBy(asc(recommendations.id)),
    db
      .select({ slug: topics.slug, title: topics.title })
      .from(commitmentTopics)
      .innerJoin(topics, eq(topics.id, commitmentTopics.topicId))
      .where(and(eq(commitmentTopics.commitmentId, id), board ? sql`true` : eq(topics.visibility, "public")))
      .orderBy(asc(topics.title)),
    db
      .select({
        id: commitmentEntries.id,
        kind: commitmentEntries.kind,
        fromStatus: commitmentEntries.fromStatus,
        toStatus: commitmentEntries.toStatus,
        note: commitmentEntries.note,
        source: commitmentEntries.source,
        createdAt: commitmentEntries.createdAt,
        authorName: users.name,
        authorDeleted: users.deletedAt,
      })
      .from(commitmentEntries)
      .leftJoin(users, eq(users.id, commitmentEntries.authorId))
      .where(and(eq(commitmentEntries.commitmentId, id), board ? sql`true` : sql`${commitmentEntries.kind} <> 'comment'`))
      .orderBy(asc(commitmentEntries.createdAt), asc(commitmentEntries.id)),
  ]);
  const { commitment } = row;
  return {
    ...commitment,
    overdue: row.overdue,
    paper: row.paperReference ? { reference: row.paperReference, name: row.paperName!, path: paperPath(row.paperReference) } : null,
    meeting: row.meetingId ? { id: row.meetingId, name: row.meetingName!, agendaNumber: row.agendaNumber, agendaName: row.agendaName } : null,
    recommendations: recs,
    topics: topicRows,
    // Board members see who wrote; the public sees the board's record without names.
    entries: entries.map(({ authorName, authorDeleted, ...entry }) => ({ ...entry, authorName: board && !authorDeleted ? authorName : null })),
  };
}

/** What the form links to: recommendations past their vote, topics, agenda items of the newest meetings. */
export async function listCommitmentFormOptions() {
  const [recs, topicRows, items] = await Promise.all([
    db
      .select({ id: recommendations.id, reference: recommendations.reference, title: recommendations.title })
      .from(recommendations)
      .where(inArray(recommendations.status, ["adopted", "published"]))
      .orderBy(desc(recommendations.id))
      .limit(100),
    db.select({ id: topics.id, title: topics.title }).from(topics).orderBy(asc(topics.title)).limit(200),
    db
      .select({ id: agendaItems.id, number: agendaItems.number, name: agendaItems.name, meetingName: meetings.name })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .orderBy(desc(meetings.start), asc(agendaItems.position))
      .limit(200),
  ]);
  return { recommendations: recs, topics: topicRows, agendaItems: items };
}

type Resolved = { paperId: number | null; meetingId: number | null; agendaItemId: number | null };

async function resolveSource(tx: Executor, input: CommitmentInput): Promise<Resolved | Refusal> {
  let paperId: number | null = null;
  if (input.sourcePaper) {
    const [paper] = await tx.select({ id: papers.id }).from(papers).where(eq(papers.reference, input.sourcePaper.toUpperCase()));
    if (!paper) return refuse(422, { sourcePaper: e.unknownPaper });
    paperId = paper.id;
  }
  let meetingId: number | null = null;
  const agendaItemId = input.sourceAgendaItemId ?? null;
  if (agendaItemId) {
    const [item] = await tx.select({ meetingId: agendaItems.meetingId }).from(agendaItems).where(eq(agendaItems.id, agendaItemId));
    if (!item) return refuse(422, { sourceAgendaItemId: e.unknownMeeting });
    meetingId = item.meetingId;
  }
  if (!paperId && !meetingId) return refuse(422, { sourcePaper: e.sourceRequired });
  return { paperId, meetingId, agendaItemId };
}

async function checkLinks(tx: Executor, input: CommitmentInput): Promise<Refusal | null> {
  if (input.recommendationIds.length) {
    const rows = await tx.select({ id: recommendations.id }).from(recommendations).where(inArray(recommendations.id, input.recommendationIds));
    if (rows.length !== input.recommendationIds.length) return refuse(422, { recommendationIds: e.unknownRecommendation });
  }
  if (input.topicIds.length) {
    const rows = await tx.select({ id: topics.id }).from(topics).where(inArray(topics.id, input.topicIds));
    if (rows.length !== input.topicIds.length) return refuse(422, { topicIds: e.unknownTopic });
  }
  return null;
}

/** Records a commitment with its links and its first history entry, in one transaction. */
export async function createCommitment({ actor, input }: { actor: Actor; input: CommitmentInput }): Promise<{ ok: true; id: number } | Refusal> {
  if (!can(actor, "record:commitment")) return refuse(403, t.commitments.errors.badRequest);
  return db.transaction(async (tx) => {
    const source = await resolveSource(tx, input);
    if ("ok" in source) return source;
    const linkProblem = await checkLinks(tx, input);
    if (linkProblem) return linkProblem;
    const [row] = await tx
      .insert(commitments)
      .values({
        title: input.title,
        promise: input.promise,
        office: input.office,
        sourcePaperId: source.paperId,
        sourcePassage: input.sourcePassage || null,
        sourceMeetingId: source.meetingId,
        sourceAgendaItemId: source.agendaItemId,
        dueText: input.dueText || null,
        dueDate: input.dueDate,
        createdById: actor.id,
      })
      .returning({ id: commitments.id });
    if (input.recommendationIds.length)
      await tx.insert(commitmentRecommendations).values(input.recommendationIds.map((recommendationId) => ({ commitmentId: row.id, recommendationId })));
    if (input.topicIds.length) await tx.insert(commitmentTopics).values(input.topicIds.map((topicId) => ({ commitmentId: row.id, topicId })));
    await tx
      .insert(commitmentEntries)
      .values({ commitmentId: row.id, kind: "status", toStatus: "offen", note: t.commitments.detail.recorded, authorId: actor.id });
    await recordAudit(tx, { actorId: actor.id, action: "commitment.created", objectType: "commitment", objectId: row.id, details: { title: input.title } });
    return { ok: true as const, id: row.id };
  });
}
