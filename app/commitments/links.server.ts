import { eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { commitmentRecommendations, commitments, commitmentTopics, recommendations, topics } from "#db/schema";
import { t } from "~/i18n/de";
import { refuse, type Refusal } from "~/lib/refusal";
import { recordAudit } from "~/accounts/audit.server";
import { can, type Actor } from "~/policy.server";

/**
 * Links a recorded commitment to a recommendation or topic afterwards (a statement's promises
 * are often recorded before the board's recommendation exists). Links are only added here;
 * a second link to the same object is a no-op.
 */
export async function linkCommitment({
  actor,
  commitmentId,
  recommendationId,
  topicId,
}: {
  actor: Actor;
  commitmentId: number;
  recommendationId: number | null;
  topicId: number | null;
}): Promise<{ ok: true } | Refusal> {
  if (!can(actor, "record:commitment")) return refuse(403, t.commitments.errors.badRequest);
  if (!recommendationId && !topicId) return refuse(422, { recommendationId: t.commitments.errors.unknownRecommendation });
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ id: commitments.id }).from(commitments).where(eq(commitments.id, commitmentId));
    if (!row) return refuse(404, t.commitments.notFound);
    if (recommendationId) {
      const [rec] = await tx.select({ id: recommendations.id }).from(recommendations).where(eq(recommendations.id, recommendationId));
      if (!rec) return refuse(422, { recommendationId: t.commitments.errors.unknownRecommendation });
      await tx.insert(commitmentRecommendations).values({ commitmentId, recommendationId }).onConflictDoNothing();
    }
    if (topicId) {
      const [topic] = await tx.select({ id: topics.id }).from(topics).where(eq(topics.id, topicId));
      if (!topic) return refuse(422, { topicId: t.commitments.errors.unknownTopic });
      await tx.insert(commitmentTopics).values({ commitmentId, topicId }).onConflictDoNothing();
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "commitment.linked",
      objectType: "commitment",
      objectId: commitmentId,
      details: { recommendationId, topicId },
    });
    return { ok: true as const };
  });
}
