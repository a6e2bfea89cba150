import { t } from "~/i18n/de";

/** An expected refusal: the route turns it into a German message with this status. */
export class RatingError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 | 422 = 409,
  ) {
    super(message);
    this.name = "RatingError";
  }
}

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

type PgLikeError = { message?: unknown; code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown };

function* errorChain(error: unknown) {
  let current = error as PgLikeError | undefined;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    yield current;
    current = current.cause as PgLikeError | undefined;
  }
}

/**
 * Maps what the database refused (guard triggers in db/sql/ratings-guards.sql, unique and
 * foreign keys, checks) to a RatingError; anything else is rethrown unchanged.
 */
export function toRatingError(error: unknown): RatingError {
  if (error instanceof RatingError) return error;
  for (const link of errorChain(error)) {
    const message = typeof link.message === "string" ? link.message : "";
    const guard = /ratings:([a-z_0-9]+)/.exec(message)?.[1];
    if (guard && guard in GUARD_STATUS) {
      const messages: Record<string, unknown> = t.ratings.errors;
      return new RatingError(String(messages[guard]), GUARD_STATUS[guard]);
    }
    const code = typeof link.code === "string" ? link.code : "";
    if (code === "23505") return new RatingError(t.ratings.errors.duplicate, 409);
    if (code === "23503") return new RatingError(t.ratings.errors.foreignKey, 422);
    if (code === "23514") return new RatingError(t.ratings.errors.check, 422);
  }
  throw error;
}

/** Runs a write and turns database refusals into RatingErrors. */
export async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw toRatingError(error);
  }
}
