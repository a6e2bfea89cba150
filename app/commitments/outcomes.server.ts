import { eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { recommendationOutcomes, recommendations, type RecommendationOutcome } from "#db/schema";
import { t } from "~/i18n/de";
import { refuse, type Refusal } from "~/lib/refusal";
import { recordAudit } from "~/accounts/audit.server";
import { can, type Actor } from "~/policy.server";

/** The board's final word on a published recommendation: umgesetzt, teilweise, nicht umgesetzt. */
export async function setRecommendationOutcome({
  actor,
  recommendationId,
  outcome,
  note,
}: {
  actor: Actor;
  recommendationId: number;
  outcome: RecommendationOutcome;
  note: string;
}): Promise<{ ok: true } | Refusal> {
  if (!can(actor, "set:recommendation-outcome")) return refuse(403, t.commitments.errors.badRequest);
  return db.transaction(async (tx) => {
    const [rec] = await tx.select({ status: recommendations.status }).from(recommendations).where(eq(recommendations.id, recommendationId));
    if (!rec) return refuse(404, t.recommendations.notFound);
    if (rec.status !== "published") return refuse(409, { outcome: t.commitments.errors.notPublished });
    const values = { outcome, note, setById: actor.id, setAt: new Date() };
    await tx
      .insert(recommendationOutcomes)
      .values({ recommendationId, ...values })
      .onConflictDoUpdate({ target: recommendationOutcomes.recommendationId, set: values });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "recommendation.outcome",
      objectType: "recommendation",
      objectId: recommendationId,
      details: { outcome },
    });
    return { ok: true as const };
  });
}
