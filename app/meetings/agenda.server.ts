import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { agendaItems, meetings, papers, ratingRounds, topics } from "#db/schema";
import type { SessionUser } from "~/accounts/session.server";
import { can } from "~/policy.server";
import { shownHtml } from "~/server/markdown/stored.server";

export type AgendaViewer = Pick<SessionUser, "id" | "role"> | null;

/**
 * Agenda items of the given meetings in order. Content of non-public items never leaves the
 * database for readers without `read:meeting:internal`: they get the number and nothing else.
 * Minutes and results appear once released (staff see their drafts).
 */
export async function listAgendaItems({ viewer, meetingIds }: { viewer: AgendaViewer; meetingIds: number[] }) {
  return (await agendaRows({ viewer, meetingIds })).map(({ storedDescriptionHtml: _d, storedMinutesHtml: _m, htmlStamp: _s, ...item }) => item);
}

/** The same with the description and minutes as HTML: stored at write time, or rendered now when stale. */
export async function listAgendaItemsWithHtml({ viewer, meetingIds }: { viewer: AgendaViewer; meetingIds: number[] }) {
  return (await agendaRows({ viewer, meetingIds })).map(({ storedDescriptionHtml, storedMinutesHtml, htmlStamp, ...item }) => ({
    ...item,
    descriptionHtml: item.description ? shownHtml("plain", item.description, storedDescriptionHtml, htmlStamp) : null,
    minutesHtml: item.minutes ? shownHtml("plain", item.minutes, storedMinutesHtml, htmlStamp) : null,
  }));
}

async function agendaRows({ viewer, meetingIds }: { viewer: AgendaViewer; meetingIds: number[] }) {
  if (meetingIds.length === 0) return [];
  const internal = can(viewer, "read:meeting:internal");
  const drafts = can(viewer, "manage:meeting");
  const visible = internal ? sql`true` : sql`${agendaItems.isPublic}`;
  const minutesVisible = drafts ? visible : sql`(${visible}) and ${meetings.minutesReleasedAt} is not null`;
  const topicVisible = internal ? sql`true` : sql`${topics.visibility} = 'public'`;
  const roundVisible = can(viewer, "read:round") ? sql`true` : sql`false`;
  const paperVisible = can(viewer, "read:paper:internal") ? sql`true` : sql`${papers.isPublic}`;
  const rows = await db
    .select({
      id: agendaItems.id,
      meetingId: agendaItems.meetingId,
      number: agendaItems.number,
      position: agendaItems.position,
      isPublic: agendaItems.isPublic,
      visible: sql<boolean>`${visible}`,
      name: sql<string | null>`case when ${visible} then ${agendaItems.name} end`,
      description: sql<string | null>`case when ${visible} then ${agendaItems.description} end`,
      minutes: sql<string | null>`case when ${minutesVisible} then ${agendaItems.minutes} end`,
      storedDescriptionHtml: sql<string | null>`case when ${visible} then ${agendaItems.descriptionHtml} end`,
      storedMinutesHtml: sql<string | null>`case when ${minutesVisible} then ${agendaItems.minutesHtml} end`,
      htmlStamp: agendaItems.htmlStamp,
      result: sql<string | null>`case when ${minutesVisible} then ${agendaItems.result} end`,
      topicId: sql<number | null>`case when ${visible} and ${topicVisible} then ${topics.id} end`,
      topicSlug: sql<string | null>`case when ${visible} and ${topicVisible} then ${topics.slug} end`,
      topicTitle: sql<string | null>`case when ${visible} and ${topicVisible} then ${topics.title} end`,
      ratingRoundId: sql<number | null>`case when ${visible} and ${roundVisible} then ${ratingRounds.id} end`,
      ratingRoundTitle: sql<string | null>`case when ${visible} and ${roundVisible} then ${ratingRounds.title} end`,
      paperReference: sql<string | null>`case when ${visible} and ${paperVisible} then ${papers.reference} end`,
      paperName: sql<string | null>`case when ${visible} and ${paperVisible} then ${papers.name} end`,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .leftJoin(topics, eq(topics.id, agendaItems.topicId))
    .leftJoin(ratingRounds, eq(ratingRounds.id, agendaItems.ratingRoundId))
    .leftJoin(papers, eq(papers.id, agendaItems.paperId))
    .where(inArray(agendaItems.meetingId, meetingIds))
    .orderBy(asc(agendaItems.meetingId), asc(agendaItems.position));
  return rows.map((row) => ({ ...row, visible: Boolean(row.visible) }));
}
export type AgendaItemRow = Awaited<ReturnType<typeof listAgendaItems>>[number];

/** Where the board had a paper on its agenda: items linking it that the viewer may see. */
export async function listAgendaItemsForPaper({ viewer, paperId }: { viewer: AgendaViewer; paperId: number }) {
  const internal = can(viewer, "read:meeting:internal");
  const roundVisible = can(viewer, "read:round");
  return db
    .select({
      id: agendaItems.id,
      number: agendaItems.number,
      name: agendaItems.name,
      meetingId: meetings.id,
      meetingName: meetings.name,
      meetingStart: meetings.start,
      result: sql<string | null>`case when ${meetings.minutesReleasedAt} is not null then ${agendaItems.result} end`,
      ratingRoundId: roundVisible ? ratingRounds.id : sql<number | null>`null`,
      ratingRoundTitle: roundVisible ? ratingRounds.title : sql<string | null>`null`,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .leftJoin(ratingRounds, eq(ratingRounds.id, agendaItems.ratingRoundId))
    .where(and(eq(agendaItems.paperId, paperId), internal ? sql`true` : eq(agendaItems.isPublic, true)))
    .orderBy(asc(meetings.start), asc(agendaItems.position));
}

/** Topics and rating rounds an agenda item may link to (staff only). */
export async function listAgendaLinkOptions() {
  const [topicOptions, roundOptions] = await Promise.all([
    db.select({ id: topics.id, title: topics.title }).from(topics).orderBy(asc(topics.title)),
    db.select({ id: ratingRounds.id, title: ratingRounds.title }).from(ratingRounds).orderBy(asc(ratingRounds.title)),
  ]);
  return { topicOptions, roundOptions };
}
