import { refuse, type Refusal } from "~/lib/refusal";
import { db, type Transaction } from "#db/client.server";
import type { recommendations } from "#db/schema";
import { t } from "~/i18n/de";
import { lockRecommendation } from "~/recommendations/drafting.server";
import { isAllowed, type RecommendationAction } from "~/recommendations/rules.server";
import { can, type Actor } from "~/policy.server";

type Recommendation = typeof recommendations.$inferSelect;

/**
 * A step staff take on a recommendation: only with manage:recommendation, in one transaction
 * with the row locked, and only when the rules allow `action` from its status (else a 409
 * with `notAllowed`).
 */
export async function manageRecommendation<T>(
  { actor, id, action, notAllowed }: { actor: Actor; id: number; action: RecommendationAction; notAllowed: string | ((rec: Recommendation) => string) },
  step: (tx: Transaction, rec: Recommendation) => Promise<T>,
): Promise<T | Refusal> {
  if (!can(actor, "manage:recommendation")) return refuse(403, { form: t.common.errors.forbidden });
  return db.transaction(async (tx) => {
    const rec = await lockRecommendation(tx, id);
    if (!rec) return refuse(404, { form: t.common.errors.notFound });
    if (!isAllowed(rec.status, action)) return refuse(409, { form: typeof notAllowed === "string" ? notAllowed : notAllowed(rec) });
    return step(tx, rec);
  });
}
