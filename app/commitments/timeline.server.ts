import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, queryRows } from "#db/client.server";
import {
  commitmentRecommendations,
  commitments,
  consultations,
  organizations,
  papers,
  recommendationOutcomes,
  recommendationPapers,
  recommendations,
  type CommitmentStatus,
  type RecommendationOutcome,
} from "#db/schema";
import { paperPath } from "~/papers/paper-path";
import { can, type Reader } from "~/policy.server";
import { isOverdueSql } from "./commitments.server";
import { commitmentVisibleTo } from "./visibility.server";

export type TimelineEvent =
  | { kind: "paper"; on: string; paperType: string; reference: string; name: string; path: string }
  | { kind: "vote"; on: string; result: string; yes: number; no: number; abstain: number }
  | { kind: "published"; on: string }
  | { kind: "consultation"; on: string | null; body: string; reference: string; role: string; result: string | null; resultText: string | null }
  | { kind: "commitment"; on: string; commitmentId: number; title: string; status: CommitmentStatus }
  | { kind: "outcome"; on: string; outcome: RecommendationOutcome };

export type TimelineCommitment = {
  id: number;
  title: string;
  office: string;
  status: CommitmentStatus;
  dueText: string | null;
  dueDate: string | null;
  overdue: boolean;
};

export type Timeline = {
  events: TimelineEvent[];
  commitments: TimelineCommitment[];
  outcome: { outcome: RecommendationOutcome; note: string; setAt: string } | null;
  /** The newest council result on one of the recommendation's papers, for tables. */
  councilDecision: { body: string; reference: string; result: string | null; resultText: string | null; on: string } | null;
};

const berlinDay = (value: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" }).format(value);
const stamp = (value: Date) => `${berlinDay(value)}T${value.toISOString().slice(11, 19)}`;

type TimelineRecommendation = {
  id: number;
  result: string | null;
  yes: number | null;
  no: number | null;
  abstain: number | null;
  voteClosedAt: Date | null;
  publishedAt: Date | null;
};
type TimelinePaper = { paperType: string; reference: string; name: string; date: string };
type TimelineStep = { date: string | null; body: string; reference: string; role: string; result: string | null; resultText: string | null };
type FollowUpCommitment = Omit<TimelineCommitment, "overdue"> & {
  recommendationId: number;
  overdue: boolean | null;
  entries: Array<{ toStatus: CommitmentStatus; createdAt: string }>;
};
type FollowUpOutcome = { recommendationId: number; outcome: RecommendationOutcome; note: string; setAt: string };

/**
 * The timelines of several recommendations, computed at read time from the data (nothing is
 * stored): the papers, the board's vote, the council's consultations and results (hand-typed or
 * imported from the RIS), the commitments with their status changes, the final outcome. Four
 * statements, whatever the number of recommendations; every part filtered for the reader.
 */
export async function loadTimelines({ recommendationIds, reader }: { recommendationIds: number[]; reader: Reader }): Promise<Map<number, Timeline>> {
  const result = new Map<number, Timeline>();
  if (recommendationIds.length === 0) return result;
  const paperVisible = can(reader, "read:paper:internal") ? sql`true` : eq(papers.isPublic, true);
  const [recs, linkedPapers, steps, followUps] = await Promise.all([
    db
      .select({
        id: recommendations.id,
        result: recommendations.result,
        yes: recommendations.yesCount,
        no: recommendations.noCount,
        abstain: recommendations.abstainCount,
        voteClosedAt: recommendations.voteClosedAt,
        publishedAt: recommendations.publishedAt,
      })
      .from(recommendations)
      .where(inArray(recommendations.id, recommendationIds)),
    db
      .select({
        recommendationId: recommendationPapers.recommendationId,
        paperType: papers.paperType,
        reference: papers.reference,
        name: papers.name,
        date: papers.date,
      })
      .from(recommendationPapers)
      .innerJoin(papers, eq(papers.id, recommendationPapers.paperId))
      .where(and(inArray(recommendationPapers.recommendationId, recommendationIds), paperVisible, isNull(papers.oparlSourceDeletedAt))),
    db
      .select({
        recommendationId: recommendationPapers.recommendationId,
        date: consultations.date,
        body: organizations.name,
        reference: papers.reference,
        role: consultations.role,
        result: consultations.result,
        resultText: consultations.resultText,
        position: consultations.position,
      })
      .from(consultations)
      .innerJoin(recommendationPapers, eq(recommendationPapers.paperId, consultations.paperId))
      .innerJoin(papers, eq(papers.id, consultations.paperId))
      .innerJoin(organizations, eq(organizations.id, consultations.organizationId))
      .where(
        and(
          inArray(recommendationPapers.recommendationId, recommendationIds),
          paperVisible,
          isNull(papers.oparlSourceDeletedAt),
          can(reader, "read:paper:internal") ? sql`true` : eq(consultations.isPublic, true),
        ),
      )
      .orderBy(asc(consultations.paperId), asc(consultations.position)),
    readFollowUps({ recommendationIds, reader }),
  ]);
  for (const rec of recs) {
    const of = <T extends { recommendationId: number }>(rows: T[]) => rows.filter((row) => row.recommendationId === rec.id);
    result.set(
      rec.id,
      buildTimeline({ rec, papers: of(linkedPapers), steps: of(steps), commitments: of(followUps.commitments), outcome: of(followUps.outcomes)[0] }),
    );
  }
  return result;
}

/**
 * One recommendation's timeline from what its page has already read: the recommendation and its
 * linked papers with their consultations (each filtered for the reader); one statement more.
 */
export async function loadRecommendationTimeline({
  rec,
  papers: linked,
  reader,
}: {
  rec: TimelineRecommendation;
  papers: Array<TimelinePaper & { id: number; withdrawn: boolean; steps: Array<Omit<TimelineStep, "reference"> & { position: number }> }>;
  reader: Reader;
}): Promise<Timeline> {
  const followUps = await readFollowUps({ recommendationIds: [rec.id], reader });
  const shown = linked.filter((paper) => !paper.withdrawn);
  const steps = [...shown]
    .sort((a, b) => a.id - b.id)
    .flatMap((paper) => [...paper.steps].sort((a, b) => a.position - b.position).map((step) => ({ ...step, reference: paper.reference })));
  return buildTimeline({ rec, papers: shown, steps, commitments: followUps.commitments, outcome: followUps.outcomes[0] });
}

/** The commitments (each with its status changes) and the outcomes of several recommendations, in one statement. */
async function readFollowUps({ recommendationIds, reader }: { recommendationIds: number[]; reader: Reader }) {
  const [row] = await queryRows<{ commitments: FollowUpCommitment[]; outcomes: FollowUpOutcome[] }>(
    db,
    sql`select
      coalesce((
        select json_agg(json_build_object('recommendationId', ${commitmentRecommendations.recommendationId}, 'id', ${commitments.id},
            'title', ${commitments.title}, 'office', ${commitments.office}, 'status', ${commitments.status}, 'dueText', ${commitments.dueText},
            'dueDate', ${commitments.dueDate}, 'overdue', ${isOverdueSql}, 'entries', coalesce((
              select json_agg(json_build_object('toStatus', e.to_status, 'createdAt', e.created_at) order by e.created_at, e.id)
              from commitment_entries e where e.commitment_id = ${commitments.id} and e.kind = 'status'
            ), '[]'::json))
          order by ${commitments.id})
        from ${commitmentRecommendations} join ${commitments} on ${commitments.id} = ${commitmentRecommendations.commitmentId}
        where ${inArray(commitmentRecommendations.recommendationId, recommendationIds)} and ${commitmentVisibleTo(reader)}
      ), '[]'::json) as commitments,
      coalesce((
        select json_agg(json_build_object('recommendationId', ${recommendationOutcomes.recommendationId}, 'outcome', ${recommendationOutcomes.outcome},
          'note', ${recommendationOutcomes.note}, 'setAt', ${recommendationOutcomes.setAt}))
        from ${recommendationOutcomes} where ${inArray(recommendationOutcomes.recommendationId, recommendationIds)}
      ), '[]'::json) as outcomes`,
  );
  return row;
}

/** One recommendation's timeline from its parts, each already filtered for the reader. */
function buildTimeline({
  rec,
  papers: linked,
  steps,
  commitments: own,
  outcome,
}: {
  rec: TimelineRecommendation;
  papers: TimelinePaper[];
  steps: TimelineStep[];
  commitments: FollowUpCommitment[];
  outcome: FollowUpOutcome | undefined;
}): Timeline {
  const events: TimelineEvent[] = [];
  for (const paper of linked)
    events.push({ kind: "paper", on: paper.date, paperType: paper.paperType, reference: paper.reference, name: paper.name, path: paperPath(paper.reference) });
  if (rec.voteClosedAt && rec.result)
    events.push({ kind: "vote", on: stamp(rec.voteClosedAt), result: rec.result, yes: rec.yes ?? 0, no: rec.no ?? 0, abstain: rec.abstain ?? 0 });
  if (rec.publishedAt) events.push({ kind: "published", on: stamp(rec.publishedAt) });
  for (const step of steps) events.push({ kind: "consultation", on: step.date, ...pick(step) });
  for (const commitment of own) {
    for (const entry of commitment.entries)
      events.push({ kind: "commitment", on: stamp(new Date(entry.createdAt)), commitmentId: commitment.id, title: commitment.title, status: entry.toStatus });
  }
  const setAt = outcome ? new Date(outcome.setAt) : null;
  if (outcome && setAt) events.push({ kind: "outcome", on: stamp(setAt), outcome: outcome.outcome });
  const decided = steps.filter((s) => s.date && (s.result || s.resultText)).sort((a, b) => String(b.date).localeCompare(String(a.date)));
  return {
    events: sortEvents(events),
    commitments: own.map(({ recommendationId: _r, entries: _e, ...c }) => ({ ...c, overdue: Boolean(c.overdue) })),
    outcome: outcome && setAt ? { outcome: outcome.outcome, note: outcome.note, setAt: setAt.toISOString() } : null,
    councilDecision: decided[0] ? { ...pick(decided[0]), on: decided[0].date! } : null,
  };
}

function pick(step: { body: string; reference: string; role: string; result: string | null; resultText: string | null }) {
  return { body: step.body, reference: step.reference, role: step.role, result: step.result, resultText: step.resultText };
}

/** By day, undated (planned) steps last; on one day papers before votes before results. */
function sortEvents(events: TimelineEvent[]) {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => {
      if (a.event.on === null || b.event.on === null) return a.event.on === b.event.on ? a.index - b.index : a.event.on === null ? 1 : -1;
      return a.event.on.localeCompare(b.event.on) || a.index - b.index;
    })
    .map(({ event }) => event);
}
