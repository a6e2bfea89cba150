import { refuse } from "~/lib/refusal";
import { and, eq, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { meetings, recommendations, recommendationVotes, users, type VoteChoice } from "#db/schema";
import { env } from "~/env.server";
import { t } from "~/i18n/de";
import { auditOf, recordAudit } from "~/accounts/audit.server";
import { lockRecommendation } from "~/recommendations/drafting.server";
import { manageRecommendation } from "~/recommendations/board-step.server";
import { ballotOpen, deriveOutcome, isAllowed, nextStatus, tallyVotes, voteRecord } from "~/recommendations/rules.server";
import { can, type Actor } from "~/policy.server";
import { closeRecommendationDiscussion } from "~/recommendations/discussion.server";
import * as notifyEvents from "~/notifications/events.server";

const audit = auditOf("recommendation");

const m = t.recommendations.errors;

/** Active experts: the board members who may vote and against whom the quorum is counted. */
const activeExpert = sql`${users.role} = 'expert' and ${users.disabledAt} is null and ${users.deletedAt} is null`;

export async function startVote({ actor, id, deadline, meetingId }: { actor: Actor; id: number; deadline: Date | null; meetingId?: number | null }) {
  if (!can(actor, "manage:recommendation")) return refuse(403, { form: t.common.errors.forbidden });
  if (deadline && deadline.getTime() <= Date.now()) return refuse(422, { deadline: m.deadlinePast });
  return db.transaction(async (tx) => {
    const rec = await lockRecommendation(tx, id);
    if (!rec) return refuse(404, { form: t.common.errors.notFound });
    if (!isAllowed(rec.status, "startVote")) return refuse(409, { form: m.notDraft });
    if (!deadline && !(meetingId ?? rec.meetingId)) return refuse(422, { deadline: m.deadlineOrMeeting });
    if (meetingId && (await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId))).length === 0) {
      return refuse(422, { meetingId: m.linkMissing });
    }
    await tx
      .update(recommendations)
      .set({
        status: nextStatus(rec.status, "startVote"),
        voteOpenedAt: new Date(),
        voteDeadline: deadline,
        meetingId: meetingId ?? rec.meetingId,
        votedVersion: rec.latestVersion,
        updatedAt: new Date(),
      })
      .where(eq(recommendations.id, id));
    await recordAudit(
      tx,
      audit("recommendation.vote_started", id, actor.id, {
        version: rec.latestVersion,
        deadline: deadline?.toISOString() ?? null,
        meetingId: meetingId ?? null,
      }),
    );
    await notifyEvents.voteOpened(tx, { recommendationId: id, actorId: actor.id });
    return { ok: true as const };
  });
}

/**
 * Casts or changes the member's vote. The row lock on the recommendation orders this against a
 * concurrent close; the unique (recommendation, member) upsert makes a double submit one row.
 */
export async function castVote({ actor, id, choice, conflictReason }: { actor: Actor; id: number; choice: VoteChoice; conflictReason?: string | null }) {
  if (!can(actor, "vote:recommendation")) return refuse(403, { form: m.onlyExperts });
  return db.transaction(async (tx) => {
    const [rec] = await tx.select().from(recommendations).where(eq(recommendations.id, id)).for("share");
    if (!rec) return refuse(404, { form: t.common.errors.notFound });
    if (!ballotOpen(rec)) return refuse(409, { form: m.ballotClosed });
    const reason = choice === "befangen" ? conflictReason?.trim() || null : null;
    const now = new Date();
    await tx
      .insert(recommendationVotes)
      .values({ recommendationId: id, userId: actor.id, choice, conflictReason: reason })
      .onConflictDoUpdate({
        target: [recommendationVotes.recommendationId, recommendationVotes.userId],
        set: { choice, conflictReason: reason, updatedAt: now },
      });
    // The audit records that a vote was cast, not which: votes stay secret until the close.
    await recordAudit(tx, audit(choice === "befangen" ? "recommendation.conflict_declared" : "recommendation.vote_cast", id, actor.id));
    return { ok: true as const };
  });
}

export async function closeVote({ actor, id }: { actor: Actor; id: number }) {
  return manageRecommendation({ actor, id, action: "closeVote", notAllowed: m.notVoting }, async (tx, rec) => {
    const votes = await tx
      .select({ choice: recommendationVotes.choice })
      .from(recommendationVotes)
      .innerJoin(users, eq(users.id, recommendationVotes.userId))
      .where(and(eq(recommendationVotes.recommendationId, id), activeExpert));
    const [{ eligible }] = await tx
      .select({ eligible: sql<number>`count(*)::int` })
      .from(users)
      .where(activeExpert);
    const tally = tallyVotes(votes.map((v) => v.choice));
    const outcome = deriveOutcome(tally, eligible, env().VOTE_QUORUM_PERCENT);
    await tx
      .update(recommendations)
      .set({
        status: nextStatus(rec.status, "closeVote", outcome),
        voteClosedAt: new Date(),
        ...voteRecord(tally, eligible, outcome),
        updatedAt: new Date(),
      })
      .where(eq(recommendations.id, id));
    await closeRecommendationDiscussion(tx, { topicId: rec.discussionTopicId });
    await recordAudit(
      tx,
      audit("recommendation.vote_closed", id, actor.id, {
        ...tally,
        eligible,
        result: outcome.result,
        rejectionReason: outcome.rejectionReason,
        quorumMet: outcome.quorumMet,
      }),
    );
    await notifyEvents.voteDecided(tx, { recommendationId: id, actorId: actor.id });
    return { ok: true as const, outcome };
  });
}
