import { and, eq, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { recommendations, users, type VoteChoice } from "#db/schema";
import { visibleTo, withStoredHtmlApart } from "~/recommendations/recommendations.server";
import { can, type Reader } from "~/policy.server";

type Person = { id: number; name: string | null };
type MeetingLink = { id: number; name: string; start: string };

const none = sql`'[]'::json`;
const id = recommendations.id;

/** Co-authors by name. */
const coauthors = sql<Person[]>`coalesce((
  select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name)
  from recommendation_coauthors c join users u on u.id = c.user_id where c.recommendation_id = ${id}
), '[]'::json)`;

/** Corrections of the published text, oldest first, each with its note. */
const corrections = sql<Array<{ number: number; note: string; createdAt: string }>>`coalesce((
  select json_agg(json_build_object('number', v.number, 'note', v.correction_note, 'createdAt', v.created_at) order by v.number)
  from recommendation_versions v where v.recommendation_id = ${id} and v.correction_note is not null
), '[]'::json)`;

/** Linked topics (public ones for readers outside the board) by title. */
function topics(reader: Reader) {
  const visible = can(reader, "read:topic:internal") ? sql`true` : sql`t.visibility = 'public'`;
  return sql<Array<{ slug: string; title: string }>>`coalesce((
    select json_agg(json_build_object('slug', t.slug, 'title', t.title) order by t.title)
    from recommendation_topics rt join topics t on t.id = rt.topic_id where rt.recommendation_id = ${id} and ${visible}
  ), '[]'::json)`;
}

/** Linked rating rounds by title, for those who may read rounds. */
function rounds(reader: Reader) {
  if (!can(reader, "read:round")) return sql<Array<{ id: number; title: string }>>`${none}`;
  return sql<Array<{ id: number; title: string }>>`coalesce((
    select json_agg(json_build_object('id', r.id, 'title', r.title) order by r.title)
    from recommendation_rounds rr join rating_rounds r on r.id = rr.round_id where rr.recommendation_id = ${id}
  ), '[]'::json)`;
}

const meeting = sql<MeetingLink | null>`(
  select json_build_object('id', m.id, 'name', m.name, 'start', m.start) from meetings m where m.id = ${recommendations.meetingId}
)`;

/**
 * Who declared a conflict of interest, once the vote is closed. The reason only for board members
 * (docs/decisions/077): the public record names who stood aside, as decision 010 says, not why.
 */
function recusals(board: boolean) {
  const reason = board ? sql`, 'reason', v.conflict_reason` : sql``;
  return sql<Array<{ name: string | null; reason?: string | null }>>`case when ${recommendations.voteClosedAt} is null then ${none} else coalesce((
    select json_agg(json_build_object('name', u.name${reason}) order by u.name)
    from recommendation_votes v join users u on u.id = v.user_id where v.recommendation_id = ${id} and v.choice = 'befangen'
  ), '[]'::json) end`;
}

function ownVote(reader: Reader) {
  if (!reader || !can(reader, "vote:recommendation")) return sql<null>`null`;
  return sql<{ choice: VoteChoice; conflictReason: string | null; updatedAt: string } | null>`(
    select json_build_object('choice', v.choice, 'conflictReason', v.conflict_reason, 'updatedAt', v.updated_at)
    from recommendation_votes v where v.recommendation_id = ${id} and v.user_id = ${reader.id}
  )`;
}

/** How many have voted so far (not how): for the board while the ballot is open. */
function ballots(board: boolean) {
  if (!board) return sql<null>`null`;
  return sql<number | null>`case when ${recommendations.status} = 'voting' then (
    select count(*)::int from recommendation_votes v where v.recommendation_id = ${id}
  ) end`;
}

function following(reader: Reader) {
  if (!reader || !can(reader, "follow:item")) return sql<null>`null`;
  return sql<boolean>`exists (select 1 from follows f where f.user_id = ${reader.id} and f.object_type = 'recommendation' and f.object_id = ${id})`;
}

/** Active experts and staff, for the co-author picker of a draft (the caller keeps it only for those who may edit). */
function coauthorCandidates(reader: Reader) {
  if (!can(reader, "manage:recommendation") && !can(reader, "update:recommendation:own")) return sql<Person[]>`${none}`;
  return sql<Person[]>`case when ${recommendations.status} = 'draft' then coalesce((
    select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name)
    from users u where u.role in ('expert', 'staff') and u.disabled_at is null and u.deleted_at is null
  ), '[]'::json) else ${none} end`;
}

/** Meetings that are not cancelled, for a manager starting the vote on a draft. */
function meetingOptions(reader: Reader) {
  if (!can(reader, "manage:recommendation")) return sql<MeetingLink[]>`${none}`;
  return sql<MeetingLink[]>`case when ${recommendations.status} = 'draft' then coalesce((
    select json_agg(json_build_object('id', m.id, 'name', m.name, 'start', m.start) order by m.start)
    from meetings m where not m.cancelled
  ), '[]'::json) else ${none} end`;
}

const toDate = (value: string) => new Date(value);

/**
 * The recommendation if the reader may see it, with the small lists its page shows, in one
 * statement (issue 15: at most 8 per page); null when it is not visible.
 */
export async function readRecommendationPageRow({ id: recommendationId, reader }: { id: number; reader: Reader }) {
  const board = can(reader, "read:recommendation:draft");
  const [row] = await db
    .select({
      rec: recommendations,
      authorName: users.name,
      authorDeleted: users.deletedAt,
      coauthors,
      corrections,
      topics: topics(reader),
      rounds: rounds(reader),
      meeting,
      recusals: recusals(board),
      ownVote: ownVote(reader),
      ballots: ballots(board),
      following: following(reader),
      coauthorCandidates: coauthorCandidates(reader),
      meetingOptions: meetingOptions(reader),
    })
    .from(recommendations)
    .leftJoin(users, eq(users.id, recommendations.createdById))
    .where(and(eq(recommendations.id, recommendationId), visibleTo(reader)));
  if (!row) return null;
  const vote = row.ownVote;
  return {
    ...withStoredHtmlApart(row),
    coauthors: row.coauthors,
    corrections: row.corrections.map((c) => ({ ...c, createdAt: toDate(c.createdAt) })),
    links: {
      topics: row.topics,
      rounds: row.rounds,
      meeting: row.meeting ? { ...row.meeting, start: toDate(row.meeting.start) } : null,
    },
    recusals: row.recusals,
    ownVote: vote ? { ...vote, updatedAt: toDate(vote.updatedAt) } : null,
    ballots: row.ballots,
    following: row.following,
    coauthorCandidates: row.coauthorCandidates,
    meetingOptions: row.meetingOptions.map((m) => ({ ...m, start: toDate(m.start) })),
  };
}
