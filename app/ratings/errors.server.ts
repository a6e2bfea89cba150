import { t } from "~/i18n/de";
import { errorChain } from "~/lib/error-chain";
import { RefusalError } from "~/lib/refusal";

const GUARD_STATUS: Record<string, 409 | 422> = {
  round_not_open: 409,
  round_frozen: 409,
  recused: 409,
  recusal_permanent: 409,
  not_a_rater: 409,
  proposal_excluded: 409,
  illegal_transition: 409,
  weights_not_100: 422,
  no_proposals: 422,
  knockouts_unchecked: 422,
  closing_date_past: 422,
  score_key_immutable: 409,
};

/**
 * Maps what the database refused (guard triggers in db/sql/ratings-guards.sql, unique and
 * foreign keys, checks) to a RefusalError; anything else is rethrown unchanged.
 */
export function toRefusal(error: unknown): RefusalError {
  if (error instanceof RefusalError) return error;
  for (const link of errorChain(error)) {
    const message = typeof link.message === "string" ? link.message : "";
    const guard = /ratings:([a-z_0-9]+)/.exec(message)?.[1];
    if (guard && guard in GUARD_STATUS) {
      const messages: Record<string, unknown> = t.ratings.errors;
      return new RefusalError(GUARD_STATUS[guard], String(messages[guard]));
    }
    const code = typeof link.code === "string" ? link.code : "";
    if (code === "23505") return new RefusalError(409, t.ratings.errors.duplicate);
    if (code === "23503") return new RefusalError(422, t.ratings.errors.foreignKey);
    if (code === "23514") return new RefusalError(422, t.ratings.errors.check);
  }
  throw error;
}

/** Runs a write and turns database refusals into RefusalErrors. */
export async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw toRefusal(error);
  }
}
