import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import {
  commitmentEntries,
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

/**
 * The timelines of several recommendations, computed at read time from the data (nothing is
 * stored): the papers, the board's vote, the council's consultations and results (hand-typed or
 * imported from the RIS), the commitments with their status changes, the final outcome. One
 * query per kind, whatever the number of recommendations; every part filtered for the reader.
 */
export async function loadTimelines({ recommendationIds, reader }: { recommendationIds: number[]; reader: Reader }): Promise<Map<number, Timeline>> {
  const result = new Map<number, Timeline>();
  if (recommendationIds.length === 0) return result;
  const paperVisible = can(reader, "read:paper:internal") ? sql`true` : eq(papers.isPublic, true);
  const [recs, linkedPapers, steps, linkedCommitments, outcomes] = await Promise.all([
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
    db
      .select({
        recommendationId: commitmentRecommendations.recommendationId,
        id: commitments.id,
        title: commitments.title,
        office: commitments.office,
        status: commitments.status,
        dueText: commitments.dueText,
        dueDate: commitments.dueDate,
        overdue: isOverdueSql,
      })
      .from(commitmentRecommendations)
      .innerJoin(commitments, eq(commitments.id, commitmentRecommendations.commitmentId))
      .where(and(inArray(commitmentRecommendations.recommendationId, recommendationIds), commitmentVisibleTo(reader)))
      .orderBy(asc(commitments.id)),
    db.select().from(recommendationOutcomes).where(inArray(recommendationOutcomes.recommendationId, recommendationIds)),
  ]);
  const commitmentIds = [...new Set(linkedCommitments.map((c) => c.id))];
  const statusEntries = commitmentIds.length
    ? await db
        .select({ commitmentId: commitmentEntries.commitmentId, toStatus: commitmentEntries.toStatus, createdAt: commitmentEntries.createdAt })
        .from(commitmentEntries)
        .where(and(inArray(commitmentEntries.commitmentId, commitmentIds), eq(commitmentEntries.kind, "status")))
        .orderBy(asc(commitmentEntries.createdAt), asc(commitmentEntries.id))
    : [];
  for (const rec of recs) {
    const events: TimelineEvent[] = [];
    for (const paper of linkedPapers.filter((p) => p.recommendationId === rec.id))
      events.push({
        kind: "paper",
        on: paper.date,
        paperType: paper.paperType,
        reference: paper.reference,
        name: paper.name,
        path: paperPath(paper.reference),
      });
    if (rec.voteClosedAt && rec.result)
      events.push({ kind: "vote", on: stamp(rec.voteClosedAt), result: rec.result, yes: rec.yes ?? 0, no: rec.no ?? 0, abstain: rec.abstain ?? 0 });
    if (rec.publishedAt) events.push({ kind: "published", on: stamp(rec.publishedAt) });
    const recSteps = steps.filter((s) => s.recommendationId === rec.id);
    for (const step of recSteps) events.push({ kind: "consultation", on: step.date, ...pick(step) });
    const own = linkedCommitments.filter((c) => c.recommendationId === rec.id);
    for (const commitment of own) {
      for (const entry of statusEntries.filter((s) => s.commitmentId === commitment.id))
        events.push({ kind: "commitment", on: stamp(entry.createdAt), commitmentId: commitment.id, title: commitment.title, status: entry.toStatus! });
    }
    const outcome = outcomes.find((o) => o.recommendationId === rec.id);
    if (outcome) events.push({ kind: "outcome", on: stamp(outcome.setAt), outcome: outcome.outcome });
    const decided = recSteps.filter((s) => s.date && (s.result || s.resultText)).sort((a, b) => String(b.date).localeCompare(String(a.date)));
    result.set(rec.id, {
      events: sortEvents(events),
      commitments: own.map(({ recommendationId: _r, ...c }) => ({ ...c, overdue: Boolean(c.overdue) })),
      outcome: outcome ? { outcome: outcome.outcome, note: outcome.note, setAt: outcome.setAt.toISOString() } : null,
      councilDecision: decided[0] ? { ...pick(decided[0]), on: decided[0].date! } : null,
    });
  }
  return result;
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
